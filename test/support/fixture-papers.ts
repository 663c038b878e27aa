import { abstractText, readCollection } from './collection.ts';

/** A paper of a fixture collection as its file says, read without the site's code. */
export interface FixturePaper {
  id: string;
  title: string;
  authors: string[];
  days: string[];
  upvotes?: number;
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

/** Highest upvotes first, ties by id: the order of every listing. */
export function byUpvotes(a: FixturePaper, b: FixturePaper): number {
  return (b.upvotes ?? 0) - (a.upvotes ?? 0) || a.id.localeCompare(b.id);
}

/** Every day with papers, oldest first. */
export function daysOf(papers: readonly FixturePaper[]): string[] {
  return [...new Set(papers.flatMap((paper) => paper.days))].sort();
}
