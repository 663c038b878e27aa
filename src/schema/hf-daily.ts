import { z } from 'astro/zod';

/**
 * One item of the Hugging Face daily-papers API (`/api/daily_papers?date=...`).
 * Only the fields we read are listed; unknown keys pass, because the API adds fields over
 * time (see `shared/data/README.md`) and a new field must not reject a day.
 * Profiles and avatars are deliberately not read.
 */

const hfOrganization = z.looseObject({
  name: z.string().min(1),
  fullname: z.string().min(1),
});

export const hfDailyItemSchema = z.looseObject({
  paper: z.looseObject({
    id: z.string().min(1),
    title: z.string().min(1),
    summary: z.string().min(1),
    authors: z.array(z.looseObject({ name: z.string() })).min(1),
    publishedAt: z.iso.datetime({ offset: true }).optional(),
    /** When the paper was put on the daily list; absent before 2025-03-17. */
    submittedOnDailyAt: z.iso.datetime({ offset: true }).optional(),
    upvotes: z.int().nonnegative().optional(),
    githubRepo: z.string().optional(),
    githubStars: z.int().nonnegative().optional(),
    projectPage: z.string().optional(),
    ai_summary: z.string().optional(),
    ai_keywords: z.array(z.string()).optional(),
    organization: hfOrganization.optional(),
  }),
  numComments: z.int().nonnegative().optional(),
  organization: hfOrganization.optional(),
});

export type HfDailyItem = z.infer<typeof hfDailyItemSchema>;
