import type { APIRoute } from 'astro';
import { gzipSync } from 'node:zlib';
import { openDataDay } from '../../../lib/open-data.ts';
import { monthPaths } from '../../../lib/static-paths.ts';
import type { OpenDataMonth } from '../../../schema/open-data.ts';

export const getStaticPaths = monthPaths;

/**
 * Open data: a month's days and their records, as one gzipped JSON file (src/schema/open-data.ts).
 * Stored compressed (a quarter of the size) because the whole archive is here: it is a download,
 * served as `application/gzip`, not a page. Node's gzip writes no time, so two builds agree byte for byte.
 */
export const GET: APIRoute = ({ props }) => {
  const month: OpenDataMonth = { month: props.listing.key, days: props.days.map(openDataDay) };
  return new Response(gzipSync(JSON.stringify(month), { level: 9 }), { headers: { 'Content-Type': 'application/gzip' } });
};
