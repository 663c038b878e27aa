import type { APIRoute } from 'astro';
import { paperDocument } from '../../../lib/abstracts.ts';
import { dayPaths } from '../../../lib/static-paths.ts';
import type { OpenDataDay } from '../../../schema/open-data.ts';

export const getStaticPaths = dayPaths;

/** Open data: one day's records, by upvotes (src/schema/open-data.ts). */
export const GET: APIRoute = ({ props }) => {
  const day: OpenDataDay = { day: props.listing.key, papers: props.listing.papers.map(paperDocument) };
  return Response.json(day);
};
