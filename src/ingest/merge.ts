import { withoutUndefined } from '../lib/objects.ts';
import type { Paper, PaperDocument } from '../schema/paper.ts';

/**
 * Merges the records of one paper. Days and sources accumulate. Every other field is a
 * snapshot: the newest record's (`byNewestFirst`), and a field it lacks is the next newest's, so
 * a source without a field never erases it. The records are ranked as they were read, before any
 * is merged, so the result does not depend on the order they came in.
 */
export function mergeDocuments(documents: readonly PaperDocument[]): PaperDocument {
  const [newest, ...older] = documents.toSorted(byNewestFirst);
  const paper: Paper = older.reduce((merged, { paper }) => ({ ...paper, ...withoutUndefined(merged) }) as Paper, newest.paper);
  return {
    paper: { ...paper, days: sortedUnion(documents.map((document) => document.paper.days)), sources: sortedUnion(documents.map((document) => document.paper.sources)) },
    abstract: newest.abstract,
  };
}

/**
 * Newest first: the later latest list day; on the same day, the later arXiv version, then the
 * later update, then the higher counts (they only grow); and when two records still tie, the
 * one whose text sorts last, so the order they were read in never decides.
 */
function byNewestFirst(a: PaperDocument, b: PaperDocument): number {
  const keys = ({ paper }: PaperDocument) => [lastDay(paper), paper.version ?? 0, paper.updatedAt ?? '', paper.upvotes ?? -1, paper.comments ?? -1, paper.githubStars ?? -1];
  const [left, right] = [keys(a), keys(b)];
  for (let i = 0; i < left.length; i++) if (left[i] !== right[i]) return left[i] > right[i] ? -1 : 1;
  const [textA, textB] = [JSON.stringify(a), JSON.stringify(b)];
  return textA === textB ? 0 : textA > textB ? -1 : 1;
}

function lastDay(paper: Paper): string {
  return paper.days.reduce((latest, day) => (day > latest ? day : latest));
}

function sortedUnion(lists: readonly (readonly string[])[]): string[] {
  return [...new Set(lists.flat())].sort();
}
