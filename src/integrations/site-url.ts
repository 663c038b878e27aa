import type { AstroIntegration } from 'astro';
import { PLACEHOLDER_SITE } from '../lib/site-url.ts';

/** Warns, once per build, when the site's address is unset: feeds and digests then link to a placeholder. */
export function siteUrlWarning(): AstroIntegration {
  return {
    name: 'daily-papers:site-url',
    hooks: {
      'astro:config:done': ({ config, logger }) => {
        if (!config.site) {
          logger.warn(`SITE_URL is not set: feeds and email digests link to ${PLACEHOLDER_SITE}, and there is no sitemap or canonical link. Set SITE_URL, or siteUrl in daily-papers.config.json, to the site's address (e.g. https://papers.example.org) when building for the web.`);
        }
      },
    },
  };
}
