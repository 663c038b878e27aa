import { z } from 'astro/zod';

/**
 * One line of an arXiv listing in JSON Lines, as daily-arXiv bots write it: the "new
 * submissions" of a day, enriched from the arXiv API. `pdf` and `abs` are derived from the id
 * and not read. A paper cross-listed in several categories repeats, identical, within a day.
 */
export const arxivListingLineSchema = z.looseObject({
  id: z.string().min(1),
  title: z.string().min(1),
  summary: z.string().min(1),
  authors: z.array(z.string()).min(1),
  categories: z.array(z.string()).optional(),
  comment: z.string().nullable().optional(),
});

/** One `<entry>` of an arXiv API Atom feed (`/api/query`), after reading it from XML. */
export const arxivAtomEntrySchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  summary: z.string().min(1),
  authors: z.array(z.object({ name: z.string(), affiliations: z.array(z.string()) })).min(1),
  published: z.iso.datetime({ offset: true }).optional(),
  updated: z.iso.datetime({ offset: true }).optional(),
  categories: z.array(z.string()),
  primaryCategory: z.string().optional(),
  comment: z.string().optional(),
  journalRef: z.string().optional(),
  doi: z.string().optional(),
});

export type ArxivAtomEntry = z.infer<typeof arxivAtomEntrySchema>;
