import { z } from 'astro/zod';

/**
 * The Hugging Face papers API, as far as we read it. Unknown keys pass, because the API adds
 * fields over time (see `shared/data/README.md`) and a new field must not reject a day.
 * Deliberately not read: users' avatars and profiles (`submittedOnDailyBy`, author `user`),
 * internal ids (`_id`, `discussionId`), `ai_summary_model`, `githubRepoAddedBy`,
 * `isAuthorParticipating`, and `submitterOrganization` (four days of 2025 only).
 */

const hfAccount = z.looseObject({
  name: z.string().min(1),
  fullname: z.string().min(1),
});

/** An organization's account, with its avatar: an organization's logo, not a person's picture. */
const hfOrganization = hfAccount.extend({
  avatar: z.string().optional(),
});

/** A paper: `/api/papers/{id}`, and the `paper` of each daily item. */
export const hfPaperSchema = z.looseObject({
  id: z.string().min(1),
  title: z.string().min(1),
  summary: z.string().min(1),
  authors: z.array(z.looseObject({ name: z.string() })).min(1),
  publishedAt: z.iso.datetime({ offset: true }).optional(),
  /** When the paper was put on the daily list; absent before 2025-03-17. */
  submittedOnDailyAt: z.iso.datetime({ offset: true }).optional(),
  upvotes: z.int().nonnegative().optional(),
  numComments: z.int().nonnegative().optional(),
  githubRepo: z.string().optional(),
  githubStars: z.int().nonnegative().optional(),
  projectPage: z.string().optional(),
  ai_summary: z.string().optional(),
  ai_keywords: z.array(z.string()).optional(),
  organization: hfOrganization.optional(),
  mediaUrls: z.array(z.string()).optional(),
});

/** One item of `/api/daily_papers?date=...`: the paper plus the daily list's own fields. */
export const hfDailyItemSchema = z.looseObject({
  paper: hfPaperSchema,
  /** The title as arXiv spells it, LaTeX included; `paper.title` is a plain-text variant. */
  title: z.string().min(1).optional(),
  numComments: z.int().nonnegative().optional(),
  organization: hfOrganization.optional(),
  submittedBy: hfAccount.optional(),
  thumbnail: z.string().optional(),
  mediaUrls: z.array(z.string()).optional(),
});

export type HfPaper = z.infer<typeof hfPaperSchema>;
export type HfDailyItem = z.infer<typeof hfDailyItemSchema>;

/**
 * A page of `/api/daily_papers` as fetch checks it before saving: a JSON array of items that each
 * name their paper. Deliberately looser than `hfDailyItemSchema`: fetch keeps what the API sent,
 * and ingest reports an odd record with its position; only a body that is not such a list (an
 * HTML error page, an error object, a cut-off array) is refused.
 */
export const hfDailyPageSchema = z.array(z.looseObject({ paper: hfPaperSchema.pick({ id: true }) }));
