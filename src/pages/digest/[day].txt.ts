import { digestRoute } from '../../digest/routes.ts';
import { dayPaths } from '../../lib/static-paths.ts';

/** Each day's e-mail digest (src/digest/). */
export const getStaticPaths = dayPaths;
export const GET = digestRoute('txt');
