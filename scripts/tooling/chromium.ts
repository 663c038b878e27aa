import { chromium, type Browser, type BrowserContext } from 'playwright-core';

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
 * Lets a page load what other origins serve it, and gives it OFFLINE_IMAGE for an image that
 * cannot be fetched. Requests to other origins that are not images fail as they would offline.
 */
export async function withOfflineImages(context: BrowserContext, ownOrigin: string): Promise<void> {
  await context.route((url) => url.origin !== ownOrigin, async (route) => {
    try {
      await route.fulfill({ response: await route.fetch({ timeout: 5_000 }) });
    } catch {
      if (route.request().resourceType() === 'image') await route.fulfill({ status: 200, contentType: 'image/svg+xml', body: OFFLINE_IMAGE });
      else await route.abort();
    }
  });
}
