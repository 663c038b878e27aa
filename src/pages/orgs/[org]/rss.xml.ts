import { organizationFeedRoute } from '../../../feeds/endpoints.ts';
import { organizationPaths } from '../../../lib/static-paths.ts';

export const getStaticPaths = organizationPaths;
export const GET = organizationFeedRoute;
