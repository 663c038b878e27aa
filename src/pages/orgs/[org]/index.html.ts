import { getSiteIndex } from '../../../lib/collection.ts';
import { paths } from '../../../lib/paths.ts';
import { redirectRoute } from '../../../lib/redirect-page.ts';

/**
 * The page of an organization's other handle (`/orgs/zju/` -> `/orgs/zhejianguniversity/`): one
 * organization has one page, and links by any of its handles lead there.
 */
const route = redirectRoute('org', async () => [...(await getSiteIndex()).organizationRedirects].map(([from, { slug, organization }]) => ({ from, title: `Papers from ${organization.fullname}`, to: paths.organization(slug) })));
export const { getStaticPaths, GET } = route;
