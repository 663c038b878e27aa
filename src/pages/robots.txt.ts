import type { APIRoute } from 'astro';
import { paths } from '../lib/paths.ts';
import { absoluteUrl } from '../lib/site-url.ts';

/** Every page may be crawled; the sitemap is named when there is one (it needs SITE_URL). */
export const GET: APIRoute = ({ site }) => {
  const lines = ['User-agent: *', 'Allow: /', ...(site ? ['', `Sitemap: ${absoluteUrl(paths.sitemap(), site)}`] : [])];
  return new Response(`${lines.join('\n')}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
