import { organizationFeedRoute } from '../../../feeds/endpoints.ts';

export const { getStaticPaths, GET } = organizationFeedRoute;
