import { z } from 'astro/zod';

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

/** A link we are willing to render: http or https only, never `javascript:` or `data:`. */
export const httpUrl = z.url({ protocol: /^https?$/ });

const text = z.string().trim().min(1);

export const organizationSchema = z.strictObject({
  /** The organization's handle on Hugging Face, used for its slug. */
  name: text,
  /** The name to show. */
  fullname: text,
});

export const paperSchema = z.strictObject({
  /** arXiv id without version: the identity of the paper. */
  id: z.string().regex(ARXIV_ID, 'not an arXiv id (like 2506.01234 or hep-th/9901001)'),
  /** The arXiv version the record describes (`2` for `2506.01234v2`), when the source said. */
  version: z.int().positive().optional(),
  /** Title on one line, as arXiv spells it: it may hold LaTeX, which is rendered where there is some. */
  title: text,
  /** Author names, in the paper's order. */
  authors: z.array(text).min(1),
  /** Affiliations arXiv gives for some authors. */
  affiliations: z.array(z.strictObject({ author: text, names: z.array(text).min(1) })).optional(),
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
  submittedBy: organizationSchema.optional(),
  /** The organization that claimed the paper on Hugging Face. */
  organization: organizationSchema.optional(),
  /** A one-sentence machine summary, shown as such. */
  aiSummary: text.optional(),
  /** Machine-extracted keywords. */
  keywords: z.array(text).min(1).optional(),
  /** The code repository. */
  githubRepo: httpUrl.optional(),
  /** Stars of the code repository, newest snapshot. */
  githubStars: z.int().nonnegative().optional(),
  /** The paper's project page. */
  projectPage: httpUrl.optional(),
  /** arXiv categories, primary first. */
  categories: z.array(text).min(1).optional(),
  /** The primary arXiv category. */
  primaryCategory: text.optional(),
  /** The authors' comment on arXiv (pages, figures, venue). */
  comment: text.optional(),
  /** The journal reference on arXiv. */
  journalRef: text.optional(),
  /** The DOI of the published version. */
  doi: z.string().regex(/^10\.\d{4,9}\/\S+$/, 'not a DOI (like 10.1234/abc)').optional(),
  /** A preview image. */
  thumbnail: httpUrl.optional(),
  /** Images and videos about the paper. */
  media: z.array(httpUrl).min(1).optional(),
  /** The sources this record was merged from, e.g. `hf-daily`, `arxiv-atom`. */
  sources: z.array(text).min(1),
});

export type Paper = z.infer<typeof paperSchema>;
export type Organization = z.infer<typeof organizationSchema>;

/** One paper as ingest handles it: its record plus the abstract, which becomes the Markdown body. */
export const paperDocumentSchema = z.strictObject({
  paper: paperSchema,
  /** Plain text; paragraphs separated by a blank line. */
  abstract: text,
});

export type PaperDocument = z.infer<typeof paperDocumentSchema>;
