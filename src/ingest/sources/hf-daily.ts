import { utcDay } from '../../lib/dates.ts';
import { hfDailyItemSchema } from '../../schema/hf-daily.ts';
import { readJsonArray } from './json.ts';
import { diagnosticAt, type Draft, type DraftField, type SourceFormat } from './source-record.ts';

/** Where each record field lives in a daily-papers item. */
const ORIGINS = {
  id: ['paper', 'id'],
  title: ['paper', 'title'],
  authors: ['paper', 'authors'],
  days: ['paper', 'submittedOnDailyAt'],
  publishedAt: ['paper', 'publishedAt'],
  upvotes: ['paper', 'upvotes'],
  comments: ['numComments'],
  organization: ['organization'],
  aiSummary: ['paper', 'ai_summary'],
  keywords: ['paper', 'ai_keywords'],
  githubRepo: ['paper', 'githubRepo'],
  githubStars: ['paper', 'githubStars'],
  projectPage: ['paper', 'projectPage'],
  abstract: ['paper', 'summary'],
} as const satisfies Partial<Record<DraftField, readonly PropertyKey[]>>;

/**
 * The Hugging Face daily-papers API: one JSON array of items per day.
 *
 * The day a paper belongs to is the day it was on the list: the UTC date of
 * `paper.submittedOnDailyAt`, else the day in the file name. The top-level `publishedAt` is
 * US-Eastern time mislabelled as UTC, and `paper.publishedAt` is the arXiv date: neither is used.
 * The paper's own `title` wins over the top-level one, which is sometimes an author's LaTeX form.
 */
export const hfDaily: SourceFormat = {
  name: 'hf-daily',
  read: readJsonArray,
  toDraft(record, { fileDay }) {
    const parsed = hfDailyItemSchema.safeParse(record.value);
    if (!parsed.success) {
      return parsed.error.issues.map((issue) => diagnosticAt(record, issue.path, 'error', issue.message));
    }
    const { paper, numComments } = parsed.data;
    const day = paper.submittedOnDailyAt ? utcDay(paper.submittedOnDailyAt) : fileDay;
    if (!day) {
      return [diagnosticAt(record, ORIGINS.days, 'error', 'no list day: the item has no paper.submittedOnDailyAt and the file name holds no YYYY-MM-DD date')];
    }
    const organization = parsed.data.organization ?? paper.organization;
    const fields: Draft['fields'] = {
      id: paper.id,
      title: paper.title,
      authors: paper.authors.map((author) => author.name),
      days: [day],
      publishedAt: paper.publishedAt,
      upvotes: paper.upvotes,
      comments: numComments,
      organization: organization && { name: organization.name, fullname: organization.fullname },
      aiSummary: paper.ai_summary,
      keywords: paper.ai_keywords,
      githubRepo: paper.githubRepo,
      githubStars: paper.githubStars,
      projectPage: paper.projectPage,
      sources: ['hf-daily'],
      abstract: paper.summary,
    };
    return { record, fields, origins: ORIGINS };
  },
};
