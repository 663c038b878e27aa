import type { APIRoute } from 'astro';
import { getSiteIndex } from '../../lib/collection.ts';
import { paths } from '../../lib/paths.ts';
import type { OpenDataIndex } from '../../schema/open-data.ts';

/** Open data: the list of days and their paper counts (src/schema/open-data.ts). */
export const GET: APIRoute = async () => {
  const index: OpenDataIndex = {
    days: (await getSiteIndex()).days.map(({ key, papers }) => ({ day: key, count: papers.length, data: paths.dataDay(key), page: paths.day(key) })),
  };
  return Response.json(index);
};
