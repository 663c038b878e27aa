import { hfDailyItemSchema } from '../schema/hugging-face.ts';

/**
 * Reduces a daily-papers item to arXiv metadata (CC0) and counts, so real records can ship with
 * the project: no avatars or user profiles (personal data), no AI summaries, keywords or
 * organizations (no licence stated). What remains still ingests as a daily-papers item.
 */
export function redactHfDailyItem(item: unknown): unknown {
  const { paper, numComments, publishedAt } = hfDailyItemSchema.parse(item) as { paper: Record<string, unknown>; numComments?: number; publishedAt?: string };
  const authors = (paper.authors as { name: string }[]).map(({ name }) => ({ name }));
  const kept = {
    id: paper.id, title: paper.title, summary: paper.summary, authors,
    publishedAt: paper.publishedAt, submittedOnDailyAt: paper.submittedOnDailyAt, upvotes: paper.upvotes,
  };
  return { paper: kept, publishedAt, numComments };
}
