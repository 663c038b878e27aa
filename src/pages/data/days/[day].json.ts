import type { APIRoute } from 'astro';
import { openDataDay } from '../../../lib/open-data.ts';
import { recentDayPaths } from '../../../lib/static-paths.ts';

export const getStaticPaths = recentDayPaths;

/** Open data: one of the newest days' records, by rank (src/schema/open-data.ts); every day is in its month's file. */
export const GET: APIRoute = ({ props }) => Response.json(openDataDay(props.listing));
