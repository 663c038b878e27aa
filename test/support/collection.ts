import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';

/** Every paper file of a collection folder, parsed with gray-matter alone, keyed by file name. */
export function readCollection(folder: string): Map<string, { data: Record<string, any>; body: string; text: string }> {
  const files = readdirSync(folder).filter((name) => name.endsWith('.md')).sort();
  return new Map(files.map((name) => {
    const text = readFileSync(join(folder, name), 'utf8');
    const { data, content } = matter(text, {});
    return [name, { data, body: content, text }];
  }));
}

/** The text of each paragraph of a Markdown body, with Markdown's escapes undone. */
export function abstractText(body: string): string[] {
  return fromMarkdown(body).children.map((block) => toString(block));
}
