/**
 * Feeds and the email digest need absolute links, so they need the site's address (SITE_URL).
 * A build without it still writes valid feeds: their links then use this placeholder, which never
 * resolves (RFC 6761 reserves `.invalid`), so a feed published by mistake links to nobody's site,
 * and the build says so (src/integrations/site-url.ts). Canonical links and the sitemap are left
 * out instead, as a wrong canonical would do more harm than none.
 */
export const PLACEHOLDER_SITE = 'https://example.invalid/';

/** The site's address: the configured one (Astro's `site`, or SITE_URL for a script), else the placeholder. */
export function siteUrl(site: URL | string | undefined): URL {
  return new URL(site || PLACEHOLDER_SITE);
}

/** A path of src/lib/paths.ts (base path included) as an absolute URL on the site. */
export function absoluteUrl(path: string, site: URL): string {
  return new URL(path, site).href;
}
