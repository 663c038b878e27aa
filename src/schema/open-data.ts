import { z } from 'astro/zod';
import { isoDay, paperDocumentSchema } from './paper.ts';

/**
 * The site's open data, a read-only API of static files: `/data/index.json` lists the days and
 * months, `/data/months/YYYY-MM.json.gz` holds a month's days (gzipped JSON: the whole archive),
 * and `/data/days/YYYY-MM-DD.json` each of the newest days (`site.recentDays`). A record is the
 * paper as ingest stores it (the paper schema) with its abstract (text, maths as `$tex$`).
 */

export const openDataDaySchema = z.strictObject({
  /** The list day. */
  day: isoDay,
  /** The day's papers by rank (upvotes first: src/lib/papers.ts byRank), as on the day's page. */
  papers: z.array(paperDocumentSchema),
});

export const openDataMonthSchema = z.strictObject({
  /** The month, `YYYY-MM`. */
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  /** Its days with papers, oldest first, each as in a day's file. */
  days: z.array(openDataDaySchema),
});

export const openDataIndexSchema = z.strictObject({
  /** Every day with papers, oldest first. */
  days: z.array(
    z.strictObject({
      day: isoDay,
      /** The number of papers listed that day. */
      count: z.int().positive(),
      /** The month whose file holds the day's records. */
      month: openDataMonthSchema.shape.month,
      /** The day's own file of records, for the newest days only: a path on the site, base path included. */
      data: z.string().optional(),
      /** The day's page: a path on the site. */
      page: z.string(),
    }),
  ),
  /** Every month with papers, oldest first. */
  months: z.array(
    z.strictObject({
      month: openDataMonthSchema.shape.month,
      /** The number of papers listed in the month (a paper listed on two of its days counts once). */
      count: z.int().positive(),
      /** The month's file of records, gzipped JSON: a path on the site. */
      data: z.string(),
    }),
  ),
});

export type OpenDataDay = z.infer<typeof openDataDaySchema>;
export type OpenDataMonth = z.infer<typeof openDataMonthSchema>;
export type OpenDataIndex = z.infer<typeof openDataIndexSchema>;
