import { hfDailyItemSchema } from '../schema/hugging-face.ts';

/**
 * Reduces a daily-papers item to what the bundled sample needs to show every kind of page:
 * arXiv metadata (CC0), counts, the AI summary and keywords (for summaries and topics), the
 * organization's handle and name (for organization pages), and the links to the thumbnail and
 * media (links only: nothing is copied). No avatars and no user profiles: personal data, and
 * no licence is stated for them. What remains still ingests as a daily-papers item.
 */
export function redactHfDailyItem(item: unknown): unknown {
  const { paper, numComments, publishedAt, title, thumbnail, mediaUrls, organization } = hfDailyItemSchema.parse(item) as {
    paper: Record<string, unknown>;
    numComments?: number;
    publishedAt?: string;
    title?: string;
    thumbnail?: string;
    mediaUrls?: string[];
    organization?: { name: string; fullname: string };
  };
  const authors = (paper.authors as { name: string }[]).map(({ name }) => ({ name }));
  const kept = {
    id: paper.id, title: paper.title, summary: paper.summary, authors,
    publishedAt: paper.publishedAt, submittedOnDailyAt: paper.submittedOnDailyAt, upvotes: paper.upvotes,
    githubRepo: paper.githubRepo, githubStars: paper.githubStars, projectPage: paper.projectPage,
    ai_summary: paper.ai_summary, ai_keywords: paper.ai_keywords,
  };
  const account = organization && { name: organization.name, fullname: organization.fullname };
  return { paper: kept, publishedAt, title, numComments, thumbnail, mediaUrls, organization: account };
}
