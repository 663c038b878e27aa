import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { SiteConfigFile } from '../../src/schema/site-config.ts';

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
  /** The fixture note's paper alone, with the fixture's notes, built with `notesAllowHtml` (and a cache of its own). */
  notesWithHtml: { papers: join(testOutput, 'notes-html-papers'), dist: join(testOutput, 'notes-html-dist'), cache: join(testOutput, 'notes-html-cache') },
  /** The fixture papers with maths, built under a sub-path as a GitHub Pages project site is. */
};

/**
 * The builds the quality gates (accessibility, HTML validity, links, reproducibility) run over:
 * the fixture collection at the domain root and under a sub-path, each built a second time from
 * a cold Astro cache to check that the output does not change. `base` is the path it is served at.
 * The root build has no settings (feeds then link to the placeholder address). The sub-path build
 * is built as the README's `SITE_URL=... BASE_PATH=/daily/ npm run build`, with the site's address
 * (canonical links, sitemap), and a config file that names a newsletter and another address, which
 * SITE_URL overrides: every absolute link checked against `siteUrl` shows the variable won.
 */
const newsletterUrl = 'https://newsletter.example.org/daily-papers?ref=site&lang=en';
export const gateBuilds = [
  {
    name: 'at the domain root',
    base: '/',
    dist: sites.fixture.dist,
    again: join(testOutput, 'fixture-dist-again'),
    siteUrl: undefined,
    newsletterUrl: undefined,
    // About four search shards, whatever the fixture, so that search runs in two phases over merged shards.
    config: (papers: number): SiteConfigFile => ({ searchShardSize: Math.ceil(papers / 4) }),
  },
  {
    name: 'under the sub-path /daily/',
    base: '/daily/',
    dist: join(testOutput, 'fixture-daily-dist'),
    again: join(testOutput, 'fixture-daily-dist-again'),
    siteUrl: 'https://papers.example.org',
    newsletterUrl,
    // One search shard: search in one phase. Built for GitHub Pages, whose limits it is checked against.
    config: (): SiteConfigFile => ({ siteUrl: 'https://staging.example.org', newsletterUrl, host: 'github-pages' }),
  },
] as const;

/**
 * The fixture built without its newest input, then grown by it (as `npm run update` grows a site)
 * and built again from the first build's cache folder of its own: test/site/incremental-build.test.ts
 * compares the result with the fixture built whole.
 */
export const grownFixture = { papers: join(testOutput, 'grown-papers'), dist: join(testOutput, 'grown-dist'), cache: join(testOutput, 'grown-cache') };
/** Files put into the grown fixture's output folder between its builds, as an older build might have left them. */
export const grownFixtureStrays = ['papers/2001.00001/index.html', '_astro/older-code.css', 'pagefind/2001-01-01/pagefind.js', 'pagefind/pagefind.js'];

/** Astro's cache folder (its content layer's data store), shared by every build in this root. */
export const astroCache = join(projectRoot, 'node_modules', '.astro');

/**
 * The real days the fixture collection is made of: a day before Hugging Face recorded
 * `submittedOnDailyAt` (2025-01-13), a day whose abstracts hold literal `<think>` tags
 * (2025-04-02), the week in which 2604.07429 was listed twice (04-10 and 04-16), and the days of
 * `mathPapers` (2025-01-14, 2025-02-18, 2026-06-15).
 */
export const fixtureDays = ['2025-01-13', '2025-01-14', '2025-02-18', '2025-04-02', '2026-04-10', '2026-04-13', '2026-04-14', '2026-04-15', '2026-04-16', '2026-06-15'];

/**
 * An arXiv listing day in the fixture too: papers with categories and no upvotes, more than a day
 * page holds (so it has a second page), and a latest day that mixes them with Hugging Face papers.
 */
export const fixtureListing = join(arxivListingData, '2026-06-18.jsonl');

/** Fixture papers for maths: a LaTeX title, the one Hugging Face abstract with maths (written `\(...\)`), and prices. */
export const mathPapers = {
  /** `$\text{Transformer}^2$: Self-adaptive LLMs` */
  title: '2501.06252',
  abstract: '2606.02641',
  /** "Can Frontier LLMs Earn $1 Million ...", and "$32,000" in its abstract */
  prices: '2502.12115',
};

/**
 * An owner's note the fixture builds carry, on the GameWorld paper (listed twice), with raw HTML
 * that would run if it were rendered: a script, and an image's error handler.
 */
export const fixtureNote = {
  slug: '2604.07429',
  script: 'alert(1)',
  text: '---\ntitle: Reading group verdict\n---\nWorth a *careful* read.\n\n<script>alert(1)</script>\n\nSee <img src=x onerror=alert(1)> the figure.\n',
};
