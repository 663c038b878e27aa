import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { mathFromMarkdown } from 'mdast-util-math';
import { toString } from 'mdast-util-to-string';
import { math } from 'micromark-extension-math';
import { splitMath } from '../../src/lib/tex.ts';

/** Every paper file of a collection folder, parsed by the reader Astro's build uses (not ours), keyed by file name. */
export function readCollection(folder: string): Map<string, { data: Record<string, any>; body: string; text: string }> {
  const files = readdirSync(folder).filter((name) => name.endsWith('.md')).sort();
  return new Map(files.map((name) => {
    const text = readFileSync(join(folder, name), 'utf8');
    const { frontmatter, content } = parseFrontmatter(text);
    return [name, { data: frontmatter, body: content.replace(/^\n/, ''), text }];
  }));
}

/** The text of each paragraph of a Markdown body, with Markdown's escapes undone and inline maths between dollars. */
export function abstractText(body: string): string[] {
  const tree = fromMarkdown(body, { extensions: [math()], mdastExtensions: [mathFromMarkdown()] });
  return tree.children.map((block) =>
    'children' in block ? block.children.map((inline) => (inline.type === 'inlineMath' ? `$${inline.value}$` : toString(inline))).join('') : toString(block),
  );
}

/** A paragraph as ingest stores it: each formula the detector finds between single dollars, whatever its delimiters were. */
export function withStoredMaths(paragraph: string): string {
  return splitMath(paragraph).map((segment) => (segment.type === 'math' ? `$${segment.value}$` : segment.value)).join('');
}
