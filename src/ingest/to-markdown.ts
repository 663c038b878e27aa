import type { PhrasingContent, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { mathFromMarkdown, mathToMarkdown } from 'mdast-util-math';
import { toMarkdown } from 'mdast-util-to-markdown';
import { toString } from 'mdast-util-to-string';
import { math } from 'micromark-extension-math';
import { bodyOfFrontMatterFile, readFrontMatter, writeFrontMatter } from '../lib/front-matter.ts';
import { paperDocumentSchema, paperSchema, type PaperDocument } from '../schema/paper.ts';
import { splitMath } from '../lib/tex.ts';

/**
 * The first line of every file ingest writes. Ingest rewrites only files that carry it, so a file a
 * person wrote in the collection folder is never overwritten.
 */
export const GENERATED_MARK = '# Written by daily-papers ingest: edits here are replaced on the next run. Notes go in content/notes/.';

/** Front matter keys in the order the schema declares them, so every file reads alike and re-runs are byte-stable. */
const KEY_ORDER = Object.keys(paperSchema.shape);

/**
 * Serializes a paper to Markdown: YAML front matter, then the abstract. The abstract is built as
 * a Markdown tree of text nodes and, where src/lib/tex.ts finds TeX, inline maths nodes, and
 * serialized by mdast-util-to-markdown, which escapes whatever Markdown would read as syntax: `*`,
 * `_`, a leading `#`, `<think>` or `<script>`, and a `$` that is not maths, stay text.
 */
export function toMarkdownFile({ paper, abstract }: PaperDocument): string {
  const ordered = Object.fromEntries(KEY_ORDER.filter((key) => paper[key as keyof typeof paper] !== undefined).map((key) => [key, paper[key as keyof typeof paper]]));
  return writeFrontMatter(abstractToMarkdown(abstract), ordered).replace(/^---\n/, `---\n${GENERATED_MARK}\n`);
}

/** Whether `text` is a file ingest wrote (and so may rewrite). */
export function isGeneratedFile(text: string): boolean {
  return text.startsWith(`---\n${GENERATED_MARK}\n`);
}

/** Reads a file this module wrote; throws with the schema's message if it is not one. */
export function fromMarkdownFile(text: string): PaperDocument {
  const { data, body } = readFrontMatter(text);
  return paperDocumentSchema.parse({ paper: data, abstract: markdownToAbstract(body) });
}

/**
 * The abstract of a paper's Markdown file, its front matter left unparsed: pages that show
 * abstracts have the paper from the content collection, which validated it, and parsing its YAML
 * again cost more than the abstract's Markdown.
 */
export function abstractOfMarkdownFile(text: string): string {
  return markdownToAbstract(bodyOfFrontMatterFile(text));
}

function abstractToMarkdown(abstract: string): string {
  const tree: Root = {
    type: 'root',
    children: abstract.split('\n\n').map((paragraph) => ({ type: 'paragraph', children: splitMath(paragraph).map(toInline) })),
  };
  return toMarkdown(tree, { extensions: [mathToMarkdown()] });
}

function toInline(segment: ReturnType<typeof splitMath>[number]): PhrasingContent {
  return segment.type === 'math' ? { type: 'inlineMath', value: segment.value } : { type: 'text', value: segment.value };
}

/**
 * The inverse of `abstractToMarkdown`: the text of each paragraph, escapes undone, maths back
 * between dollars (so `\(x\)` comes back as `$x$`, which reads as the same maths).
 */
function markdownToAbstract(markdown: string): string {
  const tree = fromMarkdown(markdown, { extensions: [math()], mdastExtensions: [mathFromMarkdown()] });
  return tree.children.map(blockText).join('\n\n');
}

function blockText(block: RootContent): string {
  if (block.type !== 'paragraph') return toString(block);
  return block.children.map((inline) => (inline.type === 'inlineMath' ? `$${inline.value}$` : toString(inline))).join('');
}
