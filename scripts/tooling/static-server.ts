import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import sirv from 'sirv';
import { headersFor, type HeaderRule } from '../../src/headers/headers-file.ts';

/**
 * Serves a built site on 127.0.0.1, as a static host would: `basePath` is the sub-path the site
 * lives under, and everything outside it is a 404. A missing file under it gets the site's
 * `404.html` with status 404, as GitHub Pages, Netlify and Cloudflare Pages serve it. `headers`
 * are the rules of a `_headers` file, applied as Netlify and Cloudflare Pages apply them.
 */
export async function serveStatic(dir: string, basePath = '/', { headers = [] }: { headers?: readonly HeaderRule[] } = {}): Promise<{ origin: string; url: (path?: string) => string; close: () => Promise<void> }> {
  const files = sirv(dir, { dev: false, etag: true });
  const server = createServer((request, response) => {
    const url = request.url ?? '/';
    if (!url.startsWith(basePath)) {
      response.writeHead(404).end('not found');
      return;
    }
    for (const [name, value] of headersFor(headers, new URL(url, 'http://host').pathname)) response.setHeader(name, value);
    request.url = `/${url.slice(basePath.length)}`;
    files(request, response, () => {
      let page: Buffer | string = 'not found';
      try {
        page = readFileSync(join(dir, '404.html'));
        response.setHeader('Content-Type', 'text/html; charset=utf-8');
      } catch {
        // No not-found page: a bare 404.
      }
      response.writeHead(404).end(page);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path = '') => origin + basePath + path.replace(/^\//, ''),
    // Browsers keep connections alive; a closing server must not wait for pages still open.
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
