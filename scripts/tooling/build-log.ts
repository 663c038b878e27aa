import { stripVTControlCharacters } from 'node:util';
import type { TimedLine } from './process-tree.ts';

/**
 * Where the seconds of an `astro build` went, read from its output (Astro 7's log and the
 * Pagefind integration's line), each line timed as it came:
 * - content sync: from the start (Node and Astro starting, the config loaded) to
 *   `[content] Synced content`: the collection read, validated and stored;
 * - bundle: from there to ` generating static routes `: types, build info, Vite's bundles;
 * - render: generating the static routes, as Astro's `✓ Completed in 12.16s.` (or `5m 40s`) after them says;
 * - index: the Pagefind integration's `indexed N paper pages in S shards in X s`;
 * - other: the rest of the build's seconds (other integrations, the sitemap, exiting).
 * A phase whose lines are missing (another Astro version, a failed build) is undefined; the
 * others are still read.
 */
export interface BuildPhases {
  contentSyncSeconds?: number;
  bundleSeconds?: number;
  renderSeconds?: number;
  indexSeconds?: number;
  otherSeconds?: number;
  /** Astro's `N page(s) built`. */
  pages?: number;
  /** Paper pages in the search index, and the shards they are in. */
  indexedPages?: number;
  shards?: number;
  /** Routes Astro rendered, and routes it kept from the last build (`(cached)` or `(restored)`). */
  renderedRoutes: number;
  keptRoutes: number;
}

const SYNCED = /\[content\] Synced content/;
const ROUTES = /generating static routes/;
/** Astro's durations: `840ms`, `12.16s`, and from a minute on `5m 40s`. */
const COMPLETED = /✓ Completed in (?:(\d+)m )?([\d.]+)\s*(ms|s)\b/;
const INDEXED = /indexed (\d+) paper pages? in (\d+) shards? in ([\d.]+) s\b/;
const BUILT = /(\d+) page\(s\) built in/;
/** A route's line: `├─ /papers/2501.00001/index.html (+4ms)`, or `(cached)` / `(restored)` when kept. */
const ROUTE = /[├└]─ \S+ \((\+|cached\)|restored\))/;

export function buildPhases(lines: readonly TimedLine[], totalSeconds: number): BuildPhases {
  const texts = lines.map((line) => stripVTControlCharacters(line.text));
  const at = (pattern: RegExp, from = 0) => {
    const index = texts.findIndex((text, i) => i >= from && pattern.test(text));
    return index < 0 ? undefined : index;
  };
  const seconds = (index: number | undefined) => (index === undefined ? undefined : lines[index].ms / 1000);

  const synced = at(SYNCED);
  const routes = at(ROUTES);
  const completed = routes === undefined ? undefined : at(COMPLETED, routes);
  const indexed = at(INDEXED);
  const built = at(BUILT);

  const contentSyncSeconds = seconds(synced);
  const bundleSeconds = synced !== undefined && routes !== undefined ? seconds(routes)! - seconds(synced)! : undefined;
  let renderSeconds: number | undefined;
  if (completed !== undefined) {
    const [, minutes, value, unit] = COMPLETED.exec(texts[completed])!;
    renderSeconds = Number(minutes ?? 0) * 60 + Number(value) / (unit === 'ms' ? 1000 : 1);
  }
  const indexMatch = indexed === undefined ? undefined : INDEXED.exec(texts[indexed])!;
  const indexSeconds = indexMatch && Number(indexMatch[3]);
  const phases = [contentSyncSeconds, bundleSeconds, renderSeconds, indexSeconds];
  const otherSeconds = phases.every((phase) => phase !== undefined) ? Math.max(0, totalSeconds - phases.reduce((sum, phase) => sum + phase, 0)) : undefined;
  const routeLines = texts.map((text) => ROUTE.exec(text)?.[1]).filter((how) => how !== undefined);
  return {
    renderedRoutes: routeLines.filter((how) => how === '+').length,
    keptRoutes: routeLines.filter((how) => how !== '+').length,
    contentSyncSeconds,
    bundleSeconds,
    renderSeconds,
    indexSeconds,
    otherSeconds,
    pages: built === undefined ? undefined : Number(BUILT.exec(texts[built])![1]),
    indexedPages: indexMatch && Number(indexMatch[1]),
    shards: indexMatch && Number(indexMatch[2]),
  };
}
