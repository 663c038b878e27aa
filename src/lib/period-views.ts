import { isoWeekOf, monthOf } from './dates.ts';

/** The views of the list, as the hosted list's tabs name them: a day, an ISO week, a month. */
export type PeriodView = 'day' | 'week' | 'month';

/** The period of each view that a listing's tabs link to. */
export interface PeriodViews {
  day: string;
  week: string;
  month: string;
}

/** The period of each view that a day falls in. */
export const periodOf: Record<PeriodView, (day: string) => string> = { day: (day) => day, week: isoWeekOf, month: monthOf };

/**
 * The day, week and month a listing of the `view` named `key` links to: its own period, and for
 * the others those of its latest list day, which its papers give (each has a page, as papers
 * were listed on it). So the tabs depend on the listing's papers alone, as its cache key does.
 */
export function periodViews(view: PeriodView, key: string, papers: readonly { data: { days: readonly string[] } }[]): PeriodViews {
  let latest = view === 'day' ? key : '';
  if (view !== 'day') for (const { data } of papers) for (const day of data.days) if (day > latest && periodOf[view](day) === key) latest = day;
  return { day: latest, week: isoWeekOf(latest), month: monthOf(latest) };
}
