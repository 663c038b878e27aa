import { daysInMonth, isoWeekOf, weekdayIndex } from './dates.ts';

export interface CalendarDay {
  day: string;
  /** Papers listed that day (0 when none). */
  count: number;
  /** 0 for none, 1 to 4 by quartile of the busiest days, for a heat map. */
  level: 0 | 1 | 2 | 3 | 4;
}

export interface CalendarMonth {
  month: string;
  /** Weeks Monday to Sunday; days outside the month are null. */
  weeks: { week: string; days: (CalendarDay | null)[] }[];
}

/**
 * Lays out every month from the first day with papers to the last as Monday-first weeks, each day
 * with its paper count and a heat level (quartiles of the counts over all days with papers).
 */
export function calendarMonths(counts: ReadonlyMap<string, number>): CalendarMonth[] {
  const days = [...counts.keys()].sort();
  if (days.length === 0) return [];
  const sorted = [...counts.values()].sort((a, b) => a - b);
  const quartile = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const thresholds = [quartile(0.25), quartile(0.5), quartile(0.75)];
  const levelOf = (count: number): CalendarDay['level'] => (count === 0 ? 0 : ((1 + thresholds.filter((t) => count > t).length) as CalendarDay['level']));

  const months: CalendarMonth[] = [];
  for (let month = days[0].slice(0, 7); month <= days.at(-1)!.slice(0, 7); month = nextMonth(month)) {
    const cells: (CalendarDay | null)[] = Array(weekdayIndex(`${month}-01`)).fill(null);
    for (let date = 1; date <= daysInMonth(month); date++) {
      const day = `${month}-${String(date).padStart(2, '0')}`;
      const count = counts.get(day) ?? 0;
      cells.push({ day, count, level: levelOf(count) });
    }
    while (cells.length % 7 !== 0) cells.push(null);
    const weeks = [];
    for (let i = 0; i < cells.length; i += 7) {
      const days = cells.slice(i, i + 7);
      weeks.push({ week: isoWeekOf(days.find((d) => d !== null)!.day), days });
    }
    months.push({ month, weeks });
  }
  return months;
}

function nextMonth(month: string): string {
  const [year, number] = month.split('-').map(Number);
  return number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`;
}
