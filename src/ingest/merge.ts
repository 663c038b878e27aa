import { withoutUndefined } from '../lib/objects.ts';
import type { Paper, PaperDocument } from '../schema/paper.ts';

/**
 * Merges two records of one paper. Days and sources accumulate. Every other field is a snapshot:
 * the record whose latest list day is newer wins (the incoming one on a tie, as it was read
 * later), and a field it lacks is kept from the other, so a source without a field never
 * erases it. The result does not depend on the order in which days are ingested.
 */
export function mergeDocuments(earlier: PaperDocument, incoming: PaperDocument): PaperDocument {
  const [newer, older] = lastDay(incoming.paper) >= lastDay(earlier.paper) ? [incoming, earlier] : [earlier, incoming];
  const paper: Paper = {
    ...older.paper,
    ...withoutUndefined(newer.paper),
    days: sortedUnion(older.paper.days, newer.paper.days),
    sources: sortedUnion(older.paper.sources, newer.paper.sources),
  };
  return { paper, abstract: newer.abstract };
}

function lastDay(paper: Paper): string {
  return paper.days.reduce((latest, day) => (day > latest ? day : latest));
}

function sortedUnion(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])].sort();
}
