import type { BrowserContext, Page } from 'playwright-core';
import { OFFLINE_IMAGE } from '../../scripts/tooling/chromium.ts';

// Tests drive Chromium with the project's own tooling.
export { launchChromium } from '../../scripts/tooling/chromium.ts';

/**
 * Keeps a page or context off other origins, which tests never reach: an image they would serve
 * (a thumbnail, a logo) is stood in for by a plain panel, anything else fails. Each such request
 * is noted in `noted`, as `<resource type> <url>`.
 */
export async function withoutOtherOrigins(target: BrowserContext | Page, ownOrigin: string, noted: string[] = []): Promise<string[]> {
  await target.route((url) => url.origin !== ownOrigin, (route) => {
    noted.push(`${route.request().resourceType()} ${route.request().url()}`);
    return route.request().resourceType() === 'image' ? route.fulfill({ status: 200, contentType: 'image/svg+xml', body: OFFLINE_IMAGE }) : route.abort();
  });
  return noted;
}
