import { digestRoute } from '../../digest/routes.ts';
import { recentDayPaths } from '../../lib/static-paths.ts';

/** The newest days' e-mail digests (src/digest/). */
export const getStaticPaths = recentDayPaths;
export const GET = digestRoute('txt');
