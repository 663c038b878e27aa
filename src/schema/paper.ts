import { z } from 'astro/zod';
import { isGitHubUrl, isRenderableUrl } from '../lib/links.ts';

/**
 * The record of one paper: the front matter of `content/papers/<slug>.md`.
 * Ingest validates against it before writing, and the Astro content collection validates
 * against it again at build, so a hand-edited file cannot slip a bad value onto a page.
 * The order of the keys here is the order they are written in.
 */

/**
 * arXiv ids without version: new-style `YYMM.NNNN` (2007 to 2014) and `YYMM.NNNNN` (2015 on),
 * and old-style `archive[.class]/YYMMNNN` (`hep-th/9901001`, `math.GT/0309136`).
 */
export const ARXIV_ID = /^(?:(?:0[7-9]|1[0-4])(?:0[1-9]|1[0-2])\.\d{4}|(?:1[5-9]|[2-9]\d)(?:0[1-9]|1[0-2])\.\d{5}|[a-z]+(?:-[a-z]+)*(?:\.[A-Za-z-]{2,})?\/\d{7})$/;

/** A calendar day, `YYYY-MM-DD`, that is a real date. */
export const isoDay = z.iso.date();

/**
 * The most a record's fields may hold. A record over any of them is skipped with a diagnostic at
 * the field: one huge value would otherwise go into every page and feed that shows the paper.
 * Each is several times what any real record has (arXiv caps abstracts at 1,920 characters; the
 * largest collaborations list some 3,000 authors).
 */
export const FIELD_LIMITS = {
  /** Characters of the abstract. */
  abstract: 20_000,
  /** Characters of a one-line text: a title, a name, a summary, a comment. */
  line: 2_000,
  /** Characters of a link. */
  url: 2_048,
  /** Authors of one paper. */
  authors: 10_000,
  /** Items of the other lists: keywords, categories, media, affiliations of an author. */
  items: 200,
} as const;

/** A link we are willing to render (src/lib/links.ts): http or https to a well-formed host, never `javascript:` or `data:`. */
export const httpUrl = z.string().max(FIELD_LIMITS.url).refine(isRenderableUrl, 'not an http(s) link to a well-formed host');

const text = z.string().trim().min(1).max(FIELD_LIMITS.line);
const list = <T extends z.ZodType>(item: T) => z.array(item).min(1).max(FIELD_LIMITS.items);

/** An account on Hugging Face: a user (who submitted a paper) or an organization. */
export const accountSchema = z.strictObject({
  /** The account's handle on Hugging Face, used for its slug. */
  name: text,
  /** The name to show. */
  fullname: text,
});

/** An organization, with its avatar when the record gives one (users' avatars are never kept: personal data). */
export const organizationSchema = accountSchema.extend({
  avatar: httpUrl.optional(),
});

export const paperSchema = z.strictObject({
  /** arXiv id without version: the identity of the paper. */
  id: z.string().regex(ARXIV_ID, 'not an arXiv id (like 2506.01234 or hep-th/9901001)'),
  /** The arXiv version the record describes (`2` for `2506.01234v2`), when the source said. */
  version: z.int().positive().optional(),
  /** Title on one line, as arXiv spells it: it may hold LaTeX, which is rendered where there is some. */
  title: text,
  /** Author names, in the paper's order. */
  authors: z.array(text).min(1).max(FIELD_LIMITS.authors),
  /** Affiliations arXiv gives for some authors. */
  affiliations: z.array(z.strictObject({ author: text, names: list(text) })).max(FIELD_LIMITS.authors).optional(),
  /** Days the paper was on a list (Hugging Face daily papers, an arXiv listing), ascending; the first is its home day. */
  days: z.array(isoDay).min(1),
  /** When arXiv published the first version (ISO 8601). */
  publishedAt: z.iso.datetime({ offset: true }).optional(),
  /** When arXiv published the version described. */
  updatedAt: z.iso.datetime({ offset: true }).optional(),
  /** Upvotes on Hugging Face, newest snapshot. */
  upvotes: z.int().nonnegative().optional(),
  /** Comment count on Hugging Face, newest snapshot. */
  comments: z.int().nonnegative().optional(),
  /** Who put the paper on the Hugging Face daily list (their public handle and display name). */
  submittedBy: accountSchema.optional(),
  /** The organization that claimed the paper on Hugging Face. */
  organization: organizationSchema.optional(),
  /** A one-sentence machine summary, shown as such. */
  aiSummary: text.optional(),
  /** Machine-extracted keywords. */
  keywords: list(text).optional(),
  /** The code repository, on GitHub (the page says "Code on GitHub"). */
  githubRepo: httpUrl.refine(isGitHubUrl, 'not a github.com link').optional(),
  /** Stars of the code repository, newest snapshot. */
  githubStars: z.int().nonnegative().optional(),
  /** The paper's project page. */
  projectPage: httpUrl.optional(),
  /** arXiv categories, primary first. */
  categories: list(text).optional(),
  /** The primary arXiv category. */
  primaryCategory: text.optional(),
  /** The authors' comment on arXiv (pages, figures, venue). */
  comment: text.optional(),
  /** The journal reference on arXiv. */
  journalRef: text.optional(),
  /** The DOI of the published version. */
  doi: z.string().max(FIELD_LIMITS.line).regex(/^10\.\d{4,9}\/\S+$/, 'not a DOI (like 10.1234/abc)').optional(),
  /** A preview image. */
  thumbnail: httpUrl.optional(),
  /** Images and videos about the paper. */
  media: list(httpUrl).optional(),
  /** The sources this record was merged from, e.g. `hf-daily`, `arxiv-atom`. */
  sources: z.array(text).min(1),
});

export type Paper = z.infer<typeof paperSchema>;
export type Organization = z.infer<typeof organizationSchema>;

/** One paper as ingest handles it: its record plus the abstract, which becomes the Markdown body. */
export const paperDocumentSchema = z.strictObject({
  paper: paperSchema,
  /** Plain text; paragraphs separated by a blank line. */
  abstract: z.string().trim().min(1).max(FIELD_LIMITS.abstract),
});

export type PaperDocument = z.infer<typeof paperDocumentSchema>;
