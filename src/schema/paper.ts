import { z } from 'astro/zod';

/**
 * The record of one paper: the front matter of `content/papers/<id>.md`.
 * Ingest validates against it before writing, and the Astro content collection validates
 * against it again at build, so a hand-edited file cannot slip a bad value onto a page.
 */

/** New-style arXiv ids (`2506.01234`, `0704.0001`) and old-style ones (`hep-th/9901001`). */
export const ARXIV_ID = /^(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})$/;

/** A calendar day, `YYYY-MM-DD`, that is a real date. */
export const isoDay = z.iso.date();

/** A link we are willing to render: http or https only, never `javascript:` or `data:`. */
export const httpUrl = z.url({ protocol: /^https?$/ });

export const organizationSchema = z.strictObject({
  /** The organization's handle on Hugging Face, used for its slug. */
  name: z.string().min(1),
  /** The name to show. */
  fullname: z.string().min(1),
});

export const paperSchema = z.strictObject({
  /** arXiv id without version: the identity of the paper. */
  id: z.string().regex(ARXIV_ID, 'not an arXiv id (like 2506.01234 or hep-th/9901001)'),
  /** Plain-text title on one line; may hold LaTeX. */
  title: z.string().trim().min(1),
  /** Author names, in the paper's order. */
  authors: z.array(z.string().trim().min(1)).min(1),
  /** Days the paper was on the daily list, ascending; the first is its home day. */
  days: z.array(isoDay).min(1),
  /** When arXiv published the first version (ISO 8601, UTC). */
  publishedAt: z.iso.datetime({ offset: true }).optional(),
  /** Upvotes on the newest snapshot. */
  upvotes: z.int().nonnegative().optional(),
  /** Comment count on the newest snapshot. */
  comments: z.int().nonnegative().optional(),
  /** The organization that claimed the paper on Hugging Face. */
  organization: organizationSchema.optional(),
  /** A one-sentence machine summary, shown as such. */
  aiSummary: z.string().trim().min(1).optional(),
  /** Machine-extracted keywords. */
  keywords: z.array(z.string().trim().min(1)).optional(),
  /** The code repository. */
  githubRepo: httpUrl.optional(),
  /** Stars of the code repository on the newest snapshot. */
  githubStars: z.int().nonnegative().optional(),
  /** The paper's project page. */
  projectPage: httpUrl.optional(),
  /** The sources this record was merged from, e.g. `hf-daily`. */
  sources: z.array(z.string().min(1)).min(1),
});

export type Paper = z.infer<typeof paperSchema>;
export type Organization = z.infer<typeof organizationSchema>;

/** One paper as ingest handles it: its record plus the abstract, which becomes the Markdown body. */
export const paperDocumentSchema = z.strictObject({
  paper: paperSchema,
  /** Plain text; paragraphs separated by a blank line. */
  abstract: z.string().trim().min(1),
});

export type PaperDocument = z.infer<typeof paperDocumentSchema>;
