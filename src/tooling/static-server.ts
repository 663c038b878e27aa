import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

/**
 * Serves a built site on 127.0.0.1, as any static host would: `basePath` is the sub-path the
 * site lives under, and everything outside it is a 404.
 */
export async function serveStatic(dir: string, basePath = '/'): Promise<{ origin: string; url: (path?: string) => string; close: () => Promise<void> }> {
  const files = sirv(dir, { dev: false, etag: true });
  const server = createServer((request, response) => {
    const url = request.url ?? '/';
    if (!url.startsWith(basePath)) {
      response.writeHead(404).end('not found');
      return;
    }
    request.url = `/${url.slice(basePath.length)}`;
    files(request, response, () => {
      response.writeHead(404).end('not found');
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
