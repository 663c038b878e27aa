import type { AstroIntegration } from 'astro';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { filesUnder, readTextIfExists, writeFileAtomic } from '../fs/files.ts';
import { hashedPaths, headerRules } from '../headers/header-rules.ts';
import { formatHeadersFile } from '../headers/headers-file.ts';
import { hostFiles } from '../headers/host-files.ts';
import { collectInlineHashes } from '../headers/inline-hashes.ts';
import { HOSTS, type HostName } from '../lib/hosts.ts';
import { openCache } from './build-cache.ts';
import type { OwnScripts } from './own-scripts.ts';
import type { PageScans } from './page-scans.ts';

/** Cloudflare Pages reads no line of `_headers` longer than this. */
const LINE_LIMIT = 2000;

/**
 * Writes the site's `_headers` (Netlify, Cloudflare Pages) when the build is done, after the
 * Pagefind index (after pagefind() in index.ts): its CSP holds the hash of every inline style the
 * pages carry, and of every inline script they carry that is one of the site's own (a script of
 * a note's raw HTML is not, and is warned of), read from the built pages; its paths hold the base
 * path. Rules an owner put in `public/_headers` are kept, first. For the host the owner names, the
 * same headers go into the files that host reads instead (src/headers/host-files.ts).
 */
export function securityHeaders(pageScans: PageScans, ownScripts: OwnScripts, host: HostName | undefined): AstroIntegration {
  let base = '/';
  let inlineHashes: () => Map<string, { scripts: string[]; styles: string[] }> = () => new Map();
  return {
    name: 'daily-papers:headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        // Pages not written since the last build are not read again (page-scans.ts).
        const cache = openCache(fileURLToPath(config.cacheDir), fileURLToPath(config.root), 'inlineHashes').folder;
        inlineHashes = pageScans.add('inline-hashes', join(cache, 'page-scan.json'), (html) => {
          const inPage = { scripts: new Set<string>(), styles: new Set<string>() };
          collectInlineHashes(html, inPage);
          return { scripts: [...inPage.scripts], styles: [...inPage.styles] };
        });
      },
      'astro:build:done': ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const found = { scripts: new Set<string>(), styles: new Set<string>() };
        // Only the search bundles have hashed names besides _astro/: no need to walk the whole site.
        const searchFiles = filesUnder(join(site, 'pagefind')).map((file) => `pagefind/${file}`);
        const siteScripts = ownScripts.hashes();
        const pagesWithOthers: string[] = [];
        for (const [page, { scripts, styles }] of inlineHashes()) {
          for (const hash of scripts) if (siteScripts.has(hash)) found.scripts.add(hash);
          if (scripts.some((hash) => !siteScripts.has(hash))) pagesWithOthers.push(page);
          for (const hash of styles) found.styles.add(hash);
        }
        if (pagesWithOthers.length > 0) {
          const named = pagesWithOthers.slice(0, 3).join(', ') + (pagesWithOthers.length > 3 ? ', ...' : '');
          logger.warn(`${pagesWithOthers.length} page(s) carry inline scripts that are not the site's own, which the CSP does not allow (a note's raw HTML?): ${named}`);
        }
        const rules = headerRules({ base, scriptHashes: [...found.scripts].sort(), styleHashes: [...found.styles].sort(), hashedPaths: hashedPaths(searchFiles) });
        const text = `# Written by the build for Netlify and Cloudflare Pages (docs/deploy.md): security headers, caching of hashed files.\n${formatHeadersFile(rules)}`;
        const own = readTextIfExists(join(site, '_headers'));
        writeFileAtomic(join(site, '_headers'), own ? `${own.trimEnd()}\n\n${text}` : text);
        if (text.split('\n').some((line) => line.length > LINE_LIMIT)) logger.warn(`a line of _headers is longer than the ${LINE_LIMIT} characters Cloudflare Pages reads: too many inline scripts`);
        logger.info(`wrote _headers: a CSP with ${found.scripts.size} inline script and ${found.styles.size} style hashes, caching for hashed files`);
        const files = hostFiles(host, rules, base);
        for (const [name, text] of Object.entries(files)) writeFileAtomic(join(site, name), text);
        if (host && Object.keys(files).length > 0) logger.info(`wrote ${Object.keys(files).join(', ')} for ${HOSTS[host].name}`);
      },
    },
  };
}
