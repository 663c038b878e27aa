import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** Where tests find the project, the shared real data, and their own scratch space. */
export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
export const sharedData = join(projectRoot, '..', 'shared', 'data');
export const hfDailyData = join(sharedData, 'hf-daily-papers');
export const arxivListingData = join(sharedData, 'arxiv-daily-listing');
export const testOutput = join(projectRoot, 'test-output');

/** The sites the `site` project's global setup builds. */
export const sites = {
  /** A small collection ingested from real days, built at the domain root. */
  fixture: { papers: join(testOutput, 'fixture-papers'), notes: join(testOutput, 'fixture-notes'), dist: join(testOutput, 'fixture-dist') },
  /** The bundled sample in content/papers, as the README's build makes it. */
  sample: { papers: join(projectRoot, 'content', 'papers'), dist: join(testOutput, 'sample-dist') },
};

/**
 * The builds the quality gates (accessibility, HTML validity, links, reproducibility) run over:
 * the fixture collection at the domain root and under a sub-path, each built a second time from
 * a cold Astro cache to check that the output does not change. `base` is the path it is served at.
 */
export const gateBuilds = [
  { name: 'at the domain root', base: '/', dist: sites.fixture.dist, again: join(testOutput, 'fixture-dist-again') },
  { name: 'under the sub-path /daily/', base: '/daily/', dist: join(testOutput, 'fixture-daily-dist'), again: join(testOutput, 'fixture-daily-dist-again') },
] as const;

/** Astro's cache folder (its content layer's data store), shared by every build in this root. */
export const astroCache = join(projectRoot, 'node_modules', '.astro');

/**
 * The real days the fixture collection is made of: a day before Hugging Face recorded
 * `submittedOnDailyAt` (2025-01-13), a day whose abstracts hold literal `<think>` tags
 * (2025-04-02), and the week in which 2604.07429 was listed twice (04-10 and 04-16).
 */
export const fixtureDays = ['2025-01-13', '2025-04-02', '2026-04-10', '2026-04-13', '2026-04-14', '2026-04-15', '2026-04-16'];

/** An owner's note the fixture build carries, on the GameWorld paper (listed twice). */
export const fixtureNote = { slug: '2604.07429', text: '---\ntitle: Reading group verdict\n---\nWorth a *careful* read.\n' };
