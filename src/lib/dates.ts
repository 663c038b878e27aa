// One module per function: date-fns's index loads some 250 modules, seconds of every script's start.
import { addDays } from 'date-fns/addDays';
import { format } from 'date-fns/format';
import { getISOWeek } from 'date-fns/getISOWeek';
import { getISOWeekYear } from 'date-fns/getISOWeekYear';
import { parseISO } from 'date-fns/parseISO';
import { setISOWeek } from 'date-fns/setISOWeek';
import { startOfISOWeek } from 'date-fns/startOfISOWeek';
import { UTCDate } from '@date-fns/utc';

/**
 * Calendar helpers over `YYYY-MM-DD` days. Every computation runs in UTC (through @date-fns/utc)
 * so a build gives the same pages whatever the machine's time zone.
 */

/** The UTC calendar day (`YYYY-MM-DD`) of an ISO 8601 timestamp, whatever offset it carries. */
export function utcDay(timestamp: string): string {
  return new Date(timestamp).toISOString().slice(0, 10);
}

/** The `YYYY-MM-DD` date a file name carries, as in `2025-01-13.json`. */
export function dayInFileName(fileName: string): string | undefined {
  const match = /(?:^|[^\d])(\d{4}-\d{2}-\d{2})(?:[^\d]|$)/.exec(fileName);
  return match?.[1];
}

function utc(day: string): UTCDate {
  return new UTCDate(parseISO(day));
}

/** The ISO week of a day, `2026-W26`, as huggingface.co/papers/week/ spells it. */
export function isoWeekOf(day: string): string {
  const date = utc(day);
  return `${getISOWeekYear(date)}-W${String(getISOWeek(date)).padStart(2, '0')}`;
}

/** The month of a day, `2026-06`. */
export function monthOf(day: string): string {
  return day.slice(0, 7);
}

/** The Monday and Sunday of an ISO week such as `2026-W26`. */
export function isoWeekRange(week: string): { first: string; last: string } {
  const [year, number] = week.split('-W').map(Number);
  const monday = startOfISOWeek(setISOWeek(new UTCDate(Date.UTC(year, 0, 4)), number));
  return { first: format(monday, 'yyyy-MM-dd'), last: format(addDays(monday, 6), 'yyyy-MM-dd') };
}

/** `Jan 13, 2025`: a day as readers see it. */
export function formatDay(day: string): string {
  return format(utc(day), 'MMM d, yyyy');
}

/** `Jun 22 – 28, 2026`: an ISO week as readers see it. */
export function formatWeek(week: string): string {
  const { first, last } = isoWeekRange(week);
  const [a, b] = [utc(first), utc(last)];
  if (first.slice(0, 4) !== last.slice(0, 4)) return `${format(a, 'MMM d, yyyy')} – ${format(b, 'MMM d, yyyy')}`;
  if (first.slice(0, 7) !== last.slice(0, 7)) return `${format(a, 'MMM d')} – ${format(b, 'MMM d, yyyy')}`;
  return `${format(a, 'MMM d')} – ${format(b, 'd, yyyy')}`;
}

/** `June 2026`. */
export function formatMonth(month: string): string {
  return format(utc(`${month}-01`), 'MMMM yyyy');
}

/** Monday-first weekday (0–6) of a day. */
export function weekdayIndex(day: string): number {
  return (utc(day).getUTCDay() + 6) % 7;
}

/** Number of days in a month such as `2026-06`. */
export function daysInMonth(month: string): number {
  const [year, number] = month.split('-').map(Number);
  return new Date(Date.UTC(year, number, 0)).getUTCDate();
}

/** Every day from `first` to `last`, both included; none when `last` comes first. */
export function dayRange(first: string, last: string): string[] {
  const days: string[] = [];
  for (let day = first; day <= last; day = addDaysTo(day, 1)) days.push(day);
  return days;
}

/** The day `count` days after `day` (before it when negative). */
export function addDaysTo(day: string, count: number): string {
  return format(addDays(utc(day), count), 'yyyy-MM-dd');
}

/** The UTC calendar day at `now` (milliseconds since the epoch). */
export function utcToday(now = Date.now()): string {
  return new Date(now).toISOString().slice(0, 10);
}
