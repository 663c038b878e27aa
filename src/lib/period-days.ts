import { periodOf, type PeriodView } from './period-views.ts';

/**
 * How many papers each day of a week or month listed, oldest day first: a week's or month's page
 * shows its most upvoted papers and leads to its days for all the others (docs/performance.md).
 */
export function papersByDay(view: Exclude<PeriodView, 'day'>, key: string, papers: readonly { data: { days: readonly string[] } }[]): [day: string, count: number][] {
  const counts = new Map<string, number>();
  for (const { data } of papers) for (const day of data.days) if (periodOf[view](day) === key) counts.set(day, (counts.get(day) ?? 0) + 1);
  return [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1));
}
