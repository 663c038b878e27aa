import type { SatteriProcessorOptions } from '@astrojs/markdown-satteri';
import { fileURLToPath } from 'node:url';

type HastPluginEntry = NonNullable<SatteriProcessorOptions['hastPlugins']>[number];

export interface RawHtmlOptions {
  /** Whether the document at this path may keep its raw HTML: an owner's note, when the owner allowed it. */
  keepsHtml: (file: string) => boolean;
  /** Told once for each document whose raw HTML was shown as text, with the document's path. */
  shownAsText: (file: string) => void;
}

/**
 * A Sätteri hast plugin: the raw HTML a Markdown document holds (`<script>`, `<img onerror=...>`,
 * `<b>`) becomes the text it is, so a reader sees what was written and nothing of it runs, unless
 * `keepsHtml` says the document may keep it. List it before the plugins that add raw HTML of
 * their own (KaTeX's), which it would show as text too. Ingest escapes every `<` of an abstract,
 * so a paper's document has none; a hand-edited one would keep none.
 */
export function rawHtmlPlugin({ keepsHtml, shownAsText }: RawHtmlOptions): HastPluginEntry {
  return ({ fileURL, source }) => {
    const file = fileURL ? fileURLToPath(fileURL) : '';
    // HTML starts with `<`: a document without one (most abstracts) skips the pass.
    if (!source.includes('<') || (file && keepsHtml(file))) return null;
    let shown = false;
    return {
      name: 'raw-html-as-text',
      raw(node) {
        shown = true;
        return { type: 'text', value: node.value };
      },
      after() {
        if (shown) shownAsText(file);
      },
    };
  };
}
