import type { APIRoute } from 'astro';
import { getSiteIndex } from '../../lib/collection.ts';
import { monthOf } from '../../lib/dates.ts';
import { paths } from '../../lib/paths.ts';
import { site } from '../../lib/site.ts';
import type { OpenDataIndex } from '../../schema/open-data.ts';

/** Open data: the days and months, their paper counts and files (src/schema/open-data.ts). */
export const GET: APIRoute = async () => {
  const { days, months } = await getSiteIndex();
  const firstRecent = days.length - site.recentDays;
  const index: OpenDataIndex = {
    days: days.map(({ key, papers }, i) => ({
      day: key,
      count: papers.length,
      month: monthOf(key),
      ...(i >= firstRecent ? { data: paths.dataDay(key) } : {}),
      page: paths.day(key),
    })),
    months: months.map(({ key, papers }) => ({ month: key, count: papers.length, data: paths.dataMonth(key) })),
  };
  return Response.json(index);
};
