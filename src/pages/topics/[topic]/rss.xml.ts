import { topicFeedRoute } from '../../../feeds/endpoints.ts';
import { topicPaths } from '../../../lib/static-paths.ts';

export const getStaticPaths = topicPaths;
export const GET = topicFeedRoute;
