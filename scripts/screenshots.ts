#!/usr/bin/env node
// `npm run screenshots`: photographs the built site (dist/) in Chromium, the day page and a paper
// page at 390 px and 1280 px, light and dark, into docs/screenshots/ for the README. Images from
// other origins (thumbnails, logos) are fetched; offline, a plain panel stands in for each.
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseCommandLine } from '../src/cli/command-line.ts';
import { launchChromium, routeOtherOrigins } from './tooling/chromium.ts';
import { serveStatic } from './tooling/static-server.ts';

const USAGE = `usage: npm run screenshots [-- --dist DIR] [--out DIR] [--paper ID]
  --dist DIR   the built site (default: dist)
  --out DIR    where the PNG files go (default: docs/screenshots)
  --paper ID   the paper page to photograph (default: one of the newest day's)`;
const { values } = parseCommandLine({ options: { dist: { type: 'string', default: 'dist' }, out: { type: 'string', default: 'docs/screenshots' }, paper: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }, USAGE);
const latestDay = readdirSync(join(values.dist, 'papers', 'date')).sort().at(-1)!;
const server = await serveStatic(values.dist);
const browser = await launchChromium();
mkdirSync(values.out, { recursive: true });
try {
  const probe = await browser.newPage();
  await probe.goto(server.url(`papers/date/${latestDay}/`));
  // The day's top paper, unless one was named.
  const paperPath = values.paper ? `papers/${values.paper}/` : (await probe.locator('.paper-card-title a').first().getAttribute('href'))!.slice(1);
  await probe.close();
  for (const [name, path] of [['day', `papers/date/${latestDay}/`], ['paper', paperPath]]) {
    for (const width of [390, 1280]) {
      for (const colorScheme of ['light', 'dark'] as const) {
        const context = await browser.newContext({ viewport: { width, height: width < 600 ? 844 : 900 }, colorScheme, deviceScaleFactor: 1 });
        await routeOtherOrigins(context, server.origin, { fetch: true });
        const page = await context.newPage();
        await page.goto(server.url(path), { waitUntil: 'networkidle' });
        const file = join(values.out, `${name}-${width}-${colorScheme}.png`);
        await page.screenshot({ path: file });
        await context.close();
        console.log(file);
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
