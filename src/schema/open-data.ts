import { z } from 'astro/zod';
import { isoDay, paperDocumentSchema } from './paper.ts';

/**
 * The site's open data, a read-only API of static JSON files: `/data/index.json` lists the days,
 * and `/data/days/YYYY-MM-DD.json` holds each day's records. A record is the paper as ingest
 * stores it (the paper schema) with its abstract (text, maths as `$tex$`).
 */

export const openDataDaySchema = z.strictObject({
  /** The list day. */
  day: isoDay,
  /** The day's papers, by upvotes (highest first), as on the day's page. */
  papers: z.array(paperDocumentSchema),
});

export const openDataIndexSchema = z.strictObject({
  /** Every day with papers, oldest first. */
  days: z.array(
    z.strictObject({
      day: isoDay,
      /** The number of papers listed that day. */
      count: z.int().positive(),
      /** The day's records: a path on the site, base path included. */
      data: z.string(),
      /** The day's page: a path on the site. */
      page: z.string(),
    }),
  ),
});

export type OpenDataDay = z.infer<typeof openDataDaySchema>;
export type OpenDataIndex = z.infer<typeof openDataIndexSchema>;
