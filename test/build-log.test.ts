import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildPhases } from '../scripts/tooling/build-log.ts';
import type { TimedLine } from '../scripts/tooling/process-tree.ts';

/** An `astro build` of a 0.1-scale collection (1,156 papers), as the bench timed its lines; most route lines left out. */
const captured = JSON.parse(readFileSync(new URL('fixtures/bench/astro-build-log.json', import.meta.url), 'utf8')) as TimedLine[];
const totalSeconds = 26.9;

describe('the phases of a build, read from its log', () => {
  it('splits a real Astro 7 build into content sync, bundle, render, index and the rest', () => {
    const phases = buildPhases(captured, totalSeconds);
    expect(phases).toEqual({
      contentSyncSeconds: 6.366,
      bundleSeconds: expect.closeTo(9.623 - 6.366, 6),
      renderSeconds: 12.16,
      indexSeconds: 4.9,
      otherSeconds: expect.closeTo(totalSeconds - 6.366 - (9.623 - 6.366) - 12.16 - 4.9, 6),
      pages: 2005,
      indexedPages: 1156,
      shards: 1,
      renderedRoutes: expect.any(Number),
      keptRoutes: 0,
    });
  });

  it('counts the routes Astro rendered, and those it kept from the last build', () => {
    const rendered = buildPhases(captured, totalSeconds).renderedRoutes;
    expect(rendered).toBeGreaterThan(0);
    const kept = [
      { ms: 20_000, text: '19:05:11   ├─ /topics/world-models/index.html (cached)' },
      { ms: 20_001, text: '\x1b[2m19:05:11\x1b[22m   \x1b[32m├─\x1b[39m \x1b[2m/papers/2501.00001/index.html\x1b[22m \x1b[32m(restored)\x1b[39m' },
      { ms: 20_002, text: '19:05:11   └─ /index.html (+10ms)' },
    ];
    expect(buildPhases([...captured, ...kept], totalSeconds)).toMatchObject({ renderedRoutes: rendered + 1, keptRoutes: 2 });
  });

  it('reads colored output, a render shorter than a second, and several shards', () => {
    const colored = captured.map(({ ms, text }) => ({
      ms,
      text: text
        .replace('[content]', '\x1b[34m[content]\x1b[39m')
        .replace('✓ Completed in 12.16s.', '\x1b[32m✓ Completed in 840ms.\x1b[39m')
        .replace('in 1 shard in', 'in 12 shards in'),
    }));
    const phases = buildPhases(colored, totalSeconds);
    expect(phases.contentSyncSeconds).toBe(6.366);
    expect(phases.renderSeconds).toBe(0.84);
    expect(phases.shards).toBe(12);
  });

  it('reads a render of minutes, as Astro writes it from a minute on', () => {
    const long = captured.map(({ ms, text }) => ({ ms, text: text.replace('✓ Completed in 12.16s.', '✓ Completed in 5m 40s.') }));
    expect(buildPhases(long, 400).renderSeconds).toBe(340);
  });

  it('leaves a phase whose lines are missing undefined, and reads the others', () => {
    const phases = buildPhases(captured.filter(({ text }) => !text.includes('indexed')), totalSeconds);
    expect(phases.indexSeconds).toBeUndefined();
    expect(phases.otherSeconds).toBeUndefined();
    expect(phases.renderSeconds).toBe(12.16);
  });
});
