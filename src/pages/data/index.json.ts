import type { APIRoute } from 'astro';
import { getSiteIndex } from '../../lib/collection.ts';
import { monthOf } from '../../lib/dates.ts';
import { paths } from '../../lib/paths.ts';
import { newestDays } from '../../lib/static-paths.ts';
import type { OpenDataIndex } from '../../schema/open-data.ts';

/** Open data: the days and months, their paper counts and files (src/schema/open-data.ts). */
export const GET: APIRoute = async () => {
  const { days, months } = await getSiteIndex();
  const recent = new Set(newestDays(days));
  const index: OpenDataIndex = {
    days: days.map((listing) => ({
      day: listing.key,
      count: listing.papers.length,
      month: monthOf(listing.key),
      ...(recent.has(listing) ? { data: paths.dataDay(listing.key) } : {}),
      page: paths.day(listing.key),
    })),
    months: months.map(({ key, papers }) => ({ month: key, count: papers.length, data: paths.dataMonth(key) })),
  };
  return Response.json(index);
};
