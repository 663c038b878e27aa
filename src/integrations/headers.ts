import type { AstroIntegration } from 'astro';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { filesUnder, readTextIfExists, writeFileAtomic } from '../ingest/files.ts';
import { hashedPaths, headerRules } from '../headers/header-rules.ts';
import { formatHeadersFile } from '../headers/headers-file.ts';
import { collectInlineHashes } from '../headers/inline-hashes.ts';
import type { PageScans } from './page-scans.ts';

/** Cloudflare Pages reads no line of `_headers` longer than this. */
const LINE_LIMIT = 2000;

/**
 * Writes the site's `_headers` (Netlify, Cloudflare Pages) when the build is done, after the
 * Pagefind index (list it after pagefind()): its CSP holds the hash of every inline script and
 * style the pages carry, read from the built pages, and its paths the base path. Rules an owner
 * put in `public/_headers` are kept, first.
 */
export function securityHeaders(pageScans: PageScans): AstroIntegration {
  let base = '/';
  // Pages not written since the last build are not read again (page-scans.ts).
  const inlineHashes = pageScans.add('inline-hashes', String(collectInlineHashes), (html) => {
    const inPage = { scripts: new Set<string>(), styles: new Set<string>() };
    collectInlineHashes(html, inPage);
    return { scripts: [...inPage.scripts], styles: [...inPage.styles] };
  });
  return {
    name: 'daily-papers:headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const found = { scripts: new Set<string>(), styles: new Set<string>() };
        // Only the search bundles have hashed names besides _astro/: no need to walk the whole site.
        const searchFiles = filesUnder(join(site, 'pagefind')).map((file) => `pagefind/${file}`);
        for (const { scripts, styles } of inlineHashes().values()) {
          for (const hash of scripts) found.scripts.add(hash);
          for (const hash of styles) found.styles.add(hash);
        }
        const rules = headerRules({ base, scriptHashes: [...found.scripts].sort(), styleHashes: [...found.styles].sort(), hashedPaths: hashedPaths(searchFiles) });
        const text = `# Written by the build for Netlify and Cloudflare Pages (docs/deploy.md): security headers, caching of hashed files.\n${formatHeadersFile(rules)}`;
        const own = readTextIfExists(join(site, '_headers'));
        writeFileAtomic(join(site, '_headers'), own ? `${own.trimEnd()}\n\n${text}` : text);
        if (text.split('\n').some((line) => line.length > LINE_LIMIT)) logger.warn(`a line of _headers is longer than the ${LINE_LIMIT} characters Cloudflare Pages reads: too many inline scripts`);
        logger.info(`wrote _headers: a CSP with ${found.scripts.size} inline script and ${found.styles.size} style hashes, caching for hashed files`);
      },
    },
  };
}
