import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium, headless, with nothing reaching out to the network on its own. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/**
 * What a page shows of an image from another origin when that origin cannot be reached (no
 * network, as on CI): a plain panel of the image's own size, so a screenshot shows where the
 * thumbnails and logos go instead of a broken-image icon.
 */
export const OFFLINE_IMAGE = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#dfe7f1"/><stop offset="1" stop-color="#b9c7d8"/></linearGradient></defs><rect width="1200" height="630" fill="url(#g)"/></svg>`;

/**
 * Routes a page's or context's requests to other origins: with `fetch`, what they serve comes
 * through and OFFLINE_IMAGE stands in for an image that cannot be fetched; without, none is
 * tried (tests never reach the network) and every image is stood in for. Anything else that is
 * not fetched fails. Each request is noted in `noted`, as `<resource type> <url>`.
 */
export async function routeOtherOrigins(target: BrowserContext | Page, ownOrigin: string, { fetch = false, noted = [] }: { fetch?: boolean; noted?: string[] } = {}): Promise<string[]> {
  await target.route((url) => url.origin !== ownOrigin, async (route) => {
    noted.push(`${route.request().resourceType()} ${route.request().url()}`);
    if (fetch) {
      try {
        return await route.fulfill({ response: await route.fetch({ timeout: 5_000 }) });
      } catch {
        // Unreachable: stood in for below.
      }
    }
    return route.request().resourceType() === 'image' ? route.fulfill({ status: 200, contentType: 'image/svg+xml', body: OFFLINE_IMAGE }) : route.abort();
  });
  return noted;
}
