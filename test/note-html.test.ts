import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import { load } from 'cheerio';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { noteHtml } from '../src/integrations/note-html.ts';
import { katexPlugin } from '../src/markdown/katex.ts';
import { safeLinksPlugin } from '../src/markdown/safe-links.ts';
import { readCollection } from './support/collection.ts';
import { projectRoot } from './support/locations.ts';

const NOTE = 'Worth a *careful* read, $x^2$.\n\n<script>alert(1)</script>\n\nSee <img src=x onerror=alert(1)> the <b>figure</b>.\n';

/** Renders `markdown` as the file `file` (relative to the project) with the site's hast plugins, as astro.config.mjs lists them. */
async function render(markdown: string, file: string, notesAllowHtml: boolean): Promise<string> {
  const { plugin } = noteHtml({ notesDir: 'content/notes', notesAllowHtml });
  const processor = await createSatteriMarkdownProcessor({ features: { math: { singleDollarTextMath: true } }, hastPlugins: [plugin, katexPlugin, safeLinksPlugin] });
  return (await processor.render(markdown, { frontmatter: {}, fileURL: pathToFileURL(join(projectRoot, file)) })).code;
}

describe('raw HTML in Markdown', () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  afterEach(() => warn.mockClear());

  it('shows as the text written in a note, maths still rendered, and the note file is named once', async () => {
    const $ = load(await render(NOTE, 'content/notes/2604.07429.md', false));
    expect($('script, img, b')).toHaveLength(0);
    expect($.text()).toContain('<script>alert(1)</script>');
    expect($.text()).toContain('See <img src=x onerror=alert(1)> the <b>figure</b>.');
    expect($('em').text()).toBe('careful');
    expect($('.katex')).toHaveLength(1);
    expect(warn.mock.calls).toEqual([['content/notes/2604.07429.md: its raw HTML is shown as text, not rendered; set "notesAllowHtml": true in daily-papers.config.json to render HTML in notes']]);
  });

  it('is kept in a note when the owner allows it, without a warning', async () => {
    const $ = load(await render(NOTE, 'content/notes/2604.07429.md', true));
    expect($('script').text()).toBe('alert(1)');
    expect($('img').attr('onerror')).toBe('alert(1)');
    expect($('b').text()).toBe('figure');
    expect(warn).not.toHaveBeenCalled();
  });

  it('shows as text in any other document, a paper file or one beside the notes folder, whatever the setting', async () => {
    for (const file of ['content/papers/2604.07429.md', 'content/notes-old/2604.07429.md']) {
      const $ = load(await render(NOTE, file, true));
      expect($('script, img, b'), file).toHaveLength(0);
    }
    expect(warn.mock.calls.map(([message]) => message)).toEqual([
      'content/papers/2604.07429.md: its raw HTML is shown as text, not rendered',
      'content/notes-old/2604.07429.md: its raw HTML is shown as text, not rendered',
    ]);
  });

  it('changes nothing of an abstract of the sample, where ingest escaped every <', async () => {
    const processor = await createSatteriMarkdownProcessor({ features: { math: { singleDollarTextMath: true } }, hastPlugins: [katexPlugin, safeLinksPlugin] });
    const papers = [...readCollection(join(projectRoot, 'content', 'papers'))];
    expect(papers.some(([, { body }]) => body.includes('\\<'))).toBe(true);
    for (const [name, { body }] of papers) {
      const without = (await processor.render(body, { frontmatter: {} })).code;
      expect(await render(body, `content/papers/${name}`, false), name).toBe(without);
    }
    expect(warn).not.toHaveBeenCalled();
  });
});
