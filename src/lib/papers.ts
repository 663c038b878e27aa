import type { Paper } from '../schema/paper.ts';

/** Highest upvotes first; ties broken by id so every build orders alike. */
export function byUpvotes(a: Paper, b: Paper): number {
  return (b.upvotes ?? 0) - (a.upvotes ?? 0) || a.id.localeCompare(b.id);
}

/**
 * Groups papers by the days they were listed on, in one pass: a paper on two days is in both.
 * Days come out in ascending order, each day's papers by upvotes.
 */
export function papersByDay<T extends { data: Paper }>(entries: readonly T[]): Map<string, T[]> {
  const byDay = new Map<string, T[]>();
  for (const entry of entries) {
    for (const day of entry.data.days) {
      const list = byDay.get(day);
      if (list) list.push(entry);
      else byDay.set(day, [entry]);
    }
  }
  const sortedDays = [...byDay.keys()].sort();
  return new Map(sortedDays.map((day) => [day, byDay.get(day)!.sort((a, b) => byUpvotes(a.data, b.data))]));
}

/** The days before and after `index` in an ascending list, where they exist. */
export function neighbours<T>(items: readonly T[], index: number): { previous?: T; next?: T } {
  return { previous: items[index - 1], next: items[index + 1] };
}
