import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingest } from '../../src/ingest/run.ts';
import { buildSite } from './build-site.ts';
import { fixtureDays, fixtureNote, hfDailyData, mathPapers, sites } from './locations.ts';

/**
 * Global setup of the `site` project: builds the fixture, sample and sub-path sites once, one after
 * the other (two Astro builds in one root at once would share its content cache).
 */
export default function buildSites(): void {
  rmSync(sites.fixture.papers, { recursive: true, force: true });
  const summary = ingest({ inputs: fixtureDays.map((day) => join(hfDailyData, `${day}.json`)), outDir: sites.fixture.papers });
  if (summary.errors > 0) throw new Error(`fixture ingest failed: ${JSON.stringify(summary.diagnostics.slice(0, 5))}`);
  rmSync(sites.fixture.notes, { recursive: true, force: true });
  mkdirSync(sites.fixture.notes, { recursive: true });
  writeFileSync(join(sites.fixture.notes, `${fixtureNote.slug}.md`), fixtureNote.text);
  buildSite({ papersDir: sites.fixture.papers, notesDir: sites.fixture.notes, outDir: sites.fixture.dist });
  buildSite({ papersDir: sites.sample.papers, outDir: sites.sample.dist });
  rmSync(sites.subPath.papers, { recursive: true, force: true });
  mkdirSync(sites.subPath.papers, { recursive: true });
  for (const id of Object.values(mathPapers)) copyFileSync(join(sites.fixture.papers, `${id}.md`), join(sites.subPath.papers, `${id}.md`));
  buildSite({ papersDir: sites.subPath.papers, outDir: sites.subPath.dist, basePath: sites.subPath.base });
}
