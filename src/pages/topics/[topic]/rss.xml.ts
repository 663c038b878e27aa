import { topicFeedRoute } from '../../../feeds/endpoints.ts';

export const { getStaticPaths, GET } = topicFeedRoute;
