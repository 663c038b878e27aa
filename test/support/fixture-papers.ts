import { abstractText, readCollection } from './collection.ts';

/** A paper of a fixture collection as its file says, read without the site's code. */
export interface FixturePaper {
  id: string;
  title: string;
  authors: string[];
  days: string[];
  upvotes?: number;
  githubStars?: number;
  keywords?: string[];
  /** Hugging Face's one-line summary, as written (maths between dollars). */
  aiSummary?: string;
  organization?: { name: string; fullname: string };
  /** The abstract's paragraphs, Markdown escapes undone, maths between dollars. */
  abstract: string[];
}

/** Every paper of a collection folder, with its abstract. */
export function fixturePapers(folder: string): FixturePaper[] {
  return [...readCollection(folder).values()].map((file) => ({ ...(file.data as Omit<FixturePaper, 'abstract'>), abstract: abstractText(file.body) }));
}

type RankedPaper = Pick<FixturePaper, 'id' | 'upvotes' | 'githubStars'>;

/** The order of every listing: papers with upvotes first, highest first; then the most GitHub stars; ties by id. */
export function byRank(a: RankedPaper, b: RankedPaper): number {
  const counted = (paper: RankedPaper) => (paper.upvotes === undefined ? -1 : paper.upvotes);
  return counted(b) - counted(a) || (b.githubStars ?? 0) - (a.githubStars ?? 0) || a.id.localeCompare(b.id);
}

/** Every day with papers, oldest first. */
export function daysOf(papers: readonly FixturePaper[]): string[] {
  return [...new Set(papers.flatMap((paper) => paper.days))].sort();
}
