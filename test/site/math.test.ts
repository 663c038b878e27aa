import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitMath } from '../../src/lib/tex.ts';
import { launchChromium, routeOtherOrigins } from '../support/browser.ts';
import { abstractText, readCollection } from '../support/collection.ts';
import { gateBuilds, mathPapers, sites } from '../support/locations.ts';
import { indexedPaperPage } from '../support/site-files.ts';
import { serveStatic } from '../support/static-server.ts';

/** The formulas the detector finds, as KaTeX is given them: a bare `%` is a percent sign, so it arrives as `\%`. */
const texOf = (text: string) => splitMath(text).filter((segment) => segment.type === 'math').map((segment) => segment.value.replace(/(?<!\\)%/g, '\\%'));
const page = (dist: string, id: string): CheerioAPI => load(readFileSync(join(dist, 'papers', id, 'index.html'), 'utf8'));
const katexLinks = ($: CheerioAPI) => $('link[rel="stylesheet"]').filter((_, link) => ($(link).attr('href') ?? '').includes('katex'));
/** The TeX of each KaTeX formula inside `selector`, from the annotation KaTeX keeps in its MathML. */
const renderedTex = ($: CheerioAPI, selector: string) => $(`${selector} .katex annotation`).map((_, a) => $(a).text()).get();

describe('maths in a build of the real fixture collection', () => {
  const { papers: papersDir, dist } = sites.fixture;
  let papers: { id: string; title: string; abstract: string[] }[];

  beforeAll(() => {
    papers = [...readCollection(papersDir).values()].map((file) => ({ id: file.data.id, title: file.data.title, abstract: abstractText(file.body) }));
  });

  it("renders the $...$ of an abstract with KaTeX, HTML and MathML, and links KaTeX's stylesheet (2606.02641)", () => {
    const $ = page(dist, mathPapers.abstract);
    expect(renderedTex($, '.abstract')).toEqual(['B_j(s) = β(π_j)α_j^{\\max}(s)']);
    expect($('.abstract .katex .katex-html')).toHaveLength(1);
    expect($('.abstract').text()).not.toContain('$');
    expect(katexLinks($)).toHaveLength(1);
  });

  it('renders the LaTeX of a title with KaTeX in the h1, and gives <title> and search its plain text (2501.06252)', () => {
    const $ = page(dist, mathPapers.title);
    expect(renderedTex($, 'h1')).toEqual(['\\text{Transformer}^2']);
    expect(indexedPaperPage(dist, mathPapers.title)('[data-pagefind-meta="title"]').text()).toBe('Transformer²: Self-adaptive LLMs');
    expect($('title').text()).toMatch(/^Transformer²: Self-adaptive LLMs · /);
    expect($('meta[name="description"]').attr('content')).toMatch(/^Transformer²: Self-adaptive LLMs, by /);
    expect(katexLinks($)).toHaveLength(1);
  });

  it('keeps dollar amounts in a title and an abstract as text, with no KaTeX and no stylesheet (2502.12115)', () => {
    const $ = page(dist, mathPapers.prices);
    expect($('h1').text()).toContain('Earn $1 Million');
    expect($('.abstract').text()).toContain('$32,000');
    expect($('.katex')).toHaveLength(0);
    expect(katexLinks($)).toHaveLength(0);
  });

  it('shows on every paper page exactly the formulas the detector finds in its title and abstract, and the stylesheet only when there is one', () => {
    let withoutMath = 0;
    for (const paper of papers) {
      const $ = page(dist, paper.id);
      const title = texOf(paper.title);
      const abstract = paper.abstract.flatMap(texOf);
      expect(renderedTex($, 'h1'), paper.id).toEqual(title);
      expect(renderedTex($, '.abstract'), paper.id).toEqual(abstract);
      expect(katexLinks($), paper.id).toHaveLength(title.length + abstract.length > 0 ? 1 : 0);
      if (title.length + abstract.length === 0) withoutMath++;
    }
    expect(withoutMath).toBeGreaterThan(100);
    expect(papers.length - withoutMath).toBeGreaterThanOrEqual(2);
  });
});

describe('maths in a build under a sub-path', () => {
  const { dist, base } = gateBuilds[1];
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveStatic>>;

  beforeAll(async () => {
    server = await serveStatic(dist, base);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("links KaTeX's stylesheet under the base path, and every font it names is in the build", () => {
    const href = katexLinks(page(dist, mathPapers.abstract)).attr('href')!;
    expect(href).toMatch(/^\/daily\/_astro\/katex[^/]*\.css$/);
    const css = readFileSync(join(dist, href.slice(base.length)), 'utf8');
    // Vite inlines the smallest fonts as data: URLs; every other one must be a file of the build.
    const fonts = [...css.matchAll(/url\(([^)]+)\)/g)].map((match) => match[1]).filter((url) => !url.startsWith('data:'));
    expect(fonts.length).toBeGreaterThan(40);
    for (const font of fonts) {
      expect(font).toMatch(/^\/daily\/_astro\/KaTeX_/);
      expect(existsSync(join(dist, font.slice(base.length))), font).toBe(true);
    }
  });

  it('styles a title and an abstract with KaTeX in Chromium, loading its fonts with no failed request', async () => {
    const tab = await browser.newPage();
    // A paper's thumbnail comes from another origin, stood in for here: its fonts must come from the site.
    await routeOtherOrigins(tab, server.origin);
    const failed: string[] = [];
    tab.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    tab.on('requestfailed', (request) => failed.push(`failed ${request.url()}`));
    for (const id of [mathPapers.title, mathPapers.abstract]) {
      await tab.goto(server.url(`papers/${id}/`), { waitUntil: 'networkidle' });
      const state = await tab.evaluate(async () => {
        await document.fonts.ready;
        const mathml = document.querySelector('.katex .katex-mathml');
        return {
          // KaTeX's CSS hides the MathML copy visually; without the stylesheet it would show twice.
          mathmlClip: mathml ? getComputedStyle(mathml).position : null,
          fonts: [...document.fonts].filter((font) => font.family.includes('KaTeX') && font.status === 'loaded').length,
        };
      });
      expect(state.mathmlClip, id).toBe('absolute');
      expect(state.fonts, id).toBeGreaterThan(0);
    }
    expect(failed).toEqual([]);
    await tab.close();
  });
});
