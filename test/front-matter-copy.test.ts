import type { MarkdownProcessor } from 'astro/markdown';
import { describe, expect, it } from 'vitest';
import { withoutFrontMatterCopy } from '../src/markdown/front-matter-copy.ts';

/** A processor whose plugins, like ours, set a key in the front matter they are given, in place, and change another. */
const processor = {
  name: 'test',
  options: {},
  async createRenderer() {
    return {
      async render(content: string, options?: { frontmatter?: Record<string, unknown> }) {
        const frontmatter = options?.frontmatter ?? {};
        if (content.includes('$')) frontmatter.hasMath = true;
        frontmatter.title = String(frontmatter.title).toUpperCase();
        return { code: `<p>${content}</p>`, metadata: { headings: [], localImagePaths: [], remoteImagePaths: [], frontmatter } };
      },
    };
  },
} as unknown as MarkdownProcessor;

describe('a rendered document', () => {
  it('keeps of its front matter only what the plugins added or changed, and its HTML as it was', async () => {
    const renderer = await withoutFrontMatterCopy(processor).createRenderer({} as never);
    const given = { id: '2501.00001', title: 'Energy $E = mc^2$', authors: ['A. Author'], days: ['2025-01-13'] };
    const rendered = await renderer.render('Energy $E = mc^2$.', { frontmatter: given });
    expect(rendered.code).toBe('<p>Energy $E = mc^2$.</p>');
    expect(rendered.metadata?.frontmatter).toEqual({ hasMath: true, title: 'ENERGY $E = MC^2$' });
    expect(rendered.metadata?.headings).toEqual([]);
    const plain = await renderer.render('No maths.', { frontmatter: { id: '2501.00002', title: 't' } });
    expect(plain.metadata?.frontmatter).toEqual({ title: 'T' });
  });
});
