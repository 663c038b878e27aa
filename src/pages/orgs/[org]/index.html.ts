import type { APIRoute } from 'astro';
import { cacheKey } from '../../../lib/cache-keys.ts';
import { getSiteIndex } from '../../../lib/collection.ts';
import { paths } from '../../../lib/paths.ts';
import { redirectPage } from '../../../lib/redirect-page.ts';

/**
 * The page of an organization's other handle (`/orgs/zju/` -> `/orgs/zhejianguniversity/`): one
 * organization has one page, and links by any of its handles lead there. An endpoint, not a
 * page: no sitemap lists it.
 */
export async function getStaticPaths() {
  const index = await getSiteIndex();
  return [...index.organizationRedirects].map(([handle, { slug, organization }]) => ({ params: { org: handle }, props: { slug, name: organization.fullname }, cacheKey: cacheKey('org-redirect', handle, slug, organization.fullname) }));
}

export const GET: APIRoute = ({ props, site }) => {
  const { slug, name } = props as { slug: string; name: string };
  return new Response(redirectPage({ title: `Papers from ${name}`, to: paths.organization(slug), site }), { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
};
