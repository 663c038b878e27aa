import { siteFeedRoute } from '../feeds/endpoints.ts';

/** The site's feed of the latest days (src/feeds/site-feeds.ts). */
export const GET = siteFeedRoute('json');
