import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import { load } from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { splitMath } from '../src/lib/tex.ts';
import { unwrapParagraphs } from '../src/ingest/text.ts';
import { toMarkdownFile } from '../src/ingest/to-markdown.ts';
import { hasRenderedMath, katexPlugin } from '../src/markdown/katex.ts';
import { readRealTexts, type RealText } from './support/real-texts.ts';

/** Sätteri as astro.config.mjs sets it up, rendering a paper file the way the glob loader does. */
async function renderer() {
  const processor = await createSatteriMarkdownProcessor({ features: { math: { singleDollarTextMath: true } }, hastPlugins: [katexPlugin] });
  return async (abstract: string) => {
    const file = toMarkdownFile({ paper: { id: '2606.00001', title: 'T', authors: ['A'], days: ['2026-06-01'], sources: ['arxiv-listing'] }, abstract });
    const frontmatter: Record<string, unknown> = {};
    const { code, metadata } = await processor.render(file.slice(file.indexOf('\n---\n') + 5), { frontmatter });
    return { html: code, hasMath: hasRenderedMath(metadata.frontmatter) };
  };
}

describe('the KaTeX plugin on real abstracts', () => {
  let render: Awaited<ReturnType<typeof renderer>>;
  let abstracts: RealText[];

  beforeAll(async () => {
    render = await renderer();
    abstracts = readRealTexts().filter((text) => text.field === 'abstract' && text.text.includes('$'));
  });

  it('renders each formula the detector finds with KaTeX, HTML and MathML, and marks the document as having maths', async () => {
    const withMath = abstracts.filter((text) => splitMath(text.text).some((segment) => segment.type === 'math'));
    expect(withMath.length).toBeGreaterThan(150);
    for (const { id, text } of withMath) {
      const { html, hasMath } = await render(unwrapParagraphs(text));
      const $ = load(html);
      const tex = splitMath(text).filter((segment) => segment.type === 'math').map((segment) => segment.value);
      expect($('.katex').length, id).toBe(tex.length);
      expect($('.katex annotation').map((_, a) => $(a).text()).get(), id).toEqual(tex.map((t) => t.replace(/(?<!\\)%/g, '\\%')));
      expect($('.katex .katex-html').length, id).toBe(tex.length);
      expect($('code').length, id).toBe(0);
      expect(hasMath, id).toBe(true);
    }
  });

  it('leaves every price as a dollar in the text and does not mark the document (2502.12115, "$32,000")', async () => {
    const prices = abstracts.filter((text) => !splitMath(text.text).some((segment) => segment.type === 'math'));
    expect(prices.map((text) => text.id)).toContain('2502.12115');
    for (const { id, text } of prices) {
      const { html, hasMath } = await render(unwrapParagraphs(text));
      expect(html, id).not.toContain('katex');
      expect(load(html).text().split('$').length, id).toBe(text.split('$').length);
      expect(hasMath, id).toBe(false);
    }
  });

  it('renders display maths of a hand-written note in place of its <pre>', async () => {
    const processor = await createSatteriMarkdownProcessor({ features: { math: { singleDollarTextMath: true } }, hastPlugins: [katexPlugin] });
    const { code } = await processor.render('Worth it:\n\n$$\n\\text{Transformer}^2\n$$\n', { frontmatter: {} });
    const $ = load(code);
    expect($('pre')).toHaveLength(0);
    expect($('.katex-display annotation').text()).toBe('\\text{Transformer}^2');
  });
});
