import { copyFileSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import type { SiteConfigFile } from '../../src/schema/site-config.ts';
import { dirname, join } from 'node:path';
import { ingest } from '../../src/ingest/run.ts';
import { buildSite } from './build-site.ts';
import { astroCache, fixtureDays, fixtureListing, fixtureNote, gateBuilds, grownFixture, grownFixtureStrays, hfDailyData, sites } from './locations.ts';

/**
 * Global setup of the `site` project: builds the fixture and sample sites once, and the fixture
 * note's paper with the note's HTML allowed, one after the other (two Astro builds in one root at
 * once would share its content cache). Then the builds the
 * quality gates need: the fixture under the sub-path /daily/, and each fixture build a second time
 * into another folder from an emptied Astro cache, as a fresh CI checkout builds, so that
 * test/site/reproducible.test.ts can compare the two byte for byte.
 */
/**
 * The records the fixture is built from: a few real days and an arXiv listing day, or the files and folders listed in
 * DAILY_PAPERS_FIXTURE (separated by `:`) to run every check and gate over more, e.g.
 * `DAILY_PAPERS_FIXTURE=../shared/data/hf-daily-papers:../shared/data/arxiv-daily-listing`.
 */
function fixtureInputs(): string[] {
  return process.env.DAILY_PAPERS_FIXTURE?.split(':') ?? [...fixtureDays.map((day) => join(hfDailyData, `${day}.json`)), fixtureListing];
}

export default function buildSites(): void {
  rmSync(sites.fixture.papers, { recursive: true, force: true });
  const summary = ingest({ inputs: fixtureInputs(), outDir: sites.fixture.papers });
  if (summary.errors > 0) throw new Error(`fixture ingest failed: ${JSON.stringify(summary.diagnostics.slice(0, 5))}`);
  rmSync(sites.fixture.notes, { recursive: true, force: true });
  mkdirSync(sites.fixture.notes, { recursive: true });
  writeFileSync(join(sites.fixture.notes, `${fixtureNote.slug}.md`), fixtureNote.text);
  const fixture = { papersDir: sites.fixture.papers, notesDir: sites.fixture.notes };
  buildSite({ ...fixture, config: gateBuilds[0].config(summary.written), outDir: sites.fixture.dist });
  buildSite({ papersDir: sites.sample.papers, outDir: sites.sample.dist });
  buildNotesWithHtml();
  buildGrownFixture(gateBuilds[0].config(summary.written));

  for (const build of gateBuilds) {
    const settings = { ...fixture, basePath: build.base === '/' ? undefined : build.base, siteUrl: build.siteUrl, config: build.config(summary.written) };
    if (build.dist !== sites.fixture.dist) {
      rmSync(build.dist, { recursive: true, force: true });
      buildSite({ ...settings, outDir: build.dist });
    }
    rmSync(build.again, { recursive: true, force: true });
    rmSync(astroCache, { recursive: true, force: true });
    buildSite({ ...settings, outDir: build.again });
  }
}

/** The fixture note's paper alone, with the fixture's notes, whose raw HTML the owner allowed: a few seconds' build. */
function buildNotesWithHtml(): void {
  const { papers, dist, cache } = sites.notesWithHtml;
  for (const dir of [papers, cache]) rmSync(dir, { recursive: true, force: true });
  mkdirSync(papers, { recursive: true });
  copyFileSync(join(sites.fixture.papers, `${fixtureNote.slug}.md`), join(papers, `${fixtureNote.slug}.md`));
  buildSite({ papersDir: papers, notesDir: sites.fixture.notes, outDir: dist, config: { notesAllowHtml: true, cacheDir: cache } });
}

/**
 * The fixture without its newest input, built; then stray files put into its output folder, that
 * input ingested into the same collection, and the site built again into the same folder, from
 * the first build's cache; then built once more, unchanged, from another shell (other
 * environment variables). The log of each build is kept beside the folder (`.first.log`, `.log`,
 * `.unchanged.log`), and the number of paper files the grown input wrote (`.written`).
 */
function buildGrownFixture(config: SiteConfigFile): void {
  const inputs = fixtureInputs();
  for (const dir of Object.values(grownFixture)) rmSync(dir, { recursive: true, force: true });
  const settings = { papersDir: grownFixture.papers, notesDir: sites.fixture.notes, outDir: grownFixture.dist, config: { ...config, cacheDir: grownFixture.cache } };
  ingest({ inputs: inputs.slice(0, -1), outDir: grownFixture.papers });
  buildSite(settings);
  renameSync(`${grownFixture.dist}.log`, `${grownFixture.dist}.first.log`);
  // What a kept output folder may hold that the next build does not make: a page of a route
  // that is gone, and an asset of older code (the output folder integration removes them).
  for (const stray of grownFixtureStrays) {
    mkdirSync(dirname(join(grownFixture.dist, stray)), { recursive: true });
    writeFileSync(join(grownFixture.dist, stray), 'from an older build');
  }
  // How many paper files the new day wrote (new papers, and older ones it lists again): what
  // the next build's content sync should read.
  const { written } = ingest({ inputs: inputs.slice(-1), outDir: grownFixture.papers });
  writeFileSync(`${grownFixture.dist}.written`, String(written));
  buildSite(settings);
  // `_` is the command a shell ran last: the daily job's shell and an owner's differ.
  buildSite({ ...settings, env: { _: '/bin/another-shell', DAILY_PAPERS_UNRELATED: 'x' }, logFile: `${grownFixture.dist}.unchanged.log` });
}
