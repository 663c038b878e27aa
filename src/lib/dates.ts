/** The UTC calendar day (`YYYY-MM-DD`) of an ISO 8601 timestamp, whatever offset it carries. */
export function utcDay(timestamp: string): string {
  return new Date(timestamp).toISOString().slice(0, 10);
}

/** The `YYYY-MM-DD` date a file name carries, as in `2025-01-13.json`. */
export function dayInFileName(fileName: string): string | undefined {
  const match = /(?:^|[^\d])(\d{4}-\d{2}-\d{2})(?:[^\d]|$)/.exec(fileName);
  return match?.[1];
}

/** `Jan 13, 2025`: a day as readers see it, independent of the build machine's locale and zone. */
export function formatDay(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString('en-US', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
}
