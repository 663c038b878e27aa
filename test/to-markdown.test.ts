import { fromMarkdown } from 'mdast-util-from-markdown';
import { mathFromMarkdown } from 'mdast-util-math';
import { math } from 'micromark-extension-math';
import { beforeAll, describe, expect, it } from 'vitest';
import { splitMath } from '../src/lib/tex.ts';
import { unwrapParagraphs } from '../src/ingest/text.ts';
import { abstractOfMarkdownFile, fromMarkdownFile, toMarkdownFile } from '../src/ingest/to-markdown.ts';
import type { PaperDocument } from '../src/schema/paper.ts';
import { readRealTexts } from './support/real-texts.ts';

const paper: PaperDocument['paper'] = { id: '2504.00810', title: 'A *title*', authors: ['A. Author'], days: ['2025-04-02'], sources: ['hf-daily'] };

// Each of these would become Markdown syntax or live HTML if written into the body as it is.
const hostileAbstracts = [
  'Models emit <think>...</think> and <answer> tags; see <a href="javascript:alert(1)">here</a>.',
  '<script>alert("x")</script> follows.',
  '# Not a heading\n\n- not a list\n\n> not a quote',
  'Stars *like this* and _underscores_ and `code` and [a link](https://example.com) and ![img](x.png).',
  'Earn $1 Million with $x^2$ and \\(y\\) maths, 5 < 6 & 7 > 3, a trailing backslash \\',
  '1. not an ordered list\n\n---\n\n| not | a table |',
];

const bodyOf = (file: string) => file.slice(file.indexOf('---', 3) + 3);
/** The body as the site reads it: Markdown with inline maths. */
const parseBody = (file: string) => fromMarkdown(bodyOf(file), { extensions: [math()], mdastExtensions: [mathFromMarkdown()] });
/** The TeX of each maths node of a body, as the site reads it. */
const mathsIn = (file: string) =>
  parseBody(file).children.flatMap((block) => (block.type === 'paragraph' ? block.children : [])).flatMap((inline) => (inline.type === 'inlineMath' ? [inline.value] : []));
/** Ingest stores `\(tex\)` as `$tex$`, which reads as the same maths. */
const storedAs = (abstract: string) => abstract.replace('\\(y\\)', '$y$');

describe('the Markdown body of a paper', () => {
  it.each(hostileAbstracts)('keeps the abstract as text: %s', (abstract) => {
    const text = toMarkdownFile({ paper, abstract });
    const tree = parseBody(text);
    // Only paragraphs of plain text and maths: nothing the abstract said became a heading, link, list or HTML.
    for (const block of tree.children) {
      expect(block.type).toBe('paragraph');
      for (const inline of 'children' in block ? block.children : []) expect(['text', 'inlineMath']).toContain(inline.type);
    }
    expect(fromMarkdownFile(text).abstract).toBe(storedAs(abstract));
    expect(abstractOfMarkdownFile(text)).toBe(storedAs(abstract));
  });

  it('gives the abstract alone without parsing the front matter, which the collection has read', () => {
    const text = toMarkdownFile({ paper, abstract: 'Text with $x$.' });
    const unparsable = text.replace(/^title: .*$/m, 'title: [unclosed');
    expect(() => fromMarkdownFile(unparsable)).toThrow();
    expect(abstractOfMarkdownFile(unparsable)).toBe('Text with $x$.');
  });

  it('writes maths between dollars and escapes every dollar that is not maths', () => {
    const abstract = 'Earn $1 Million with $x^2$ and \\(y\\), at 87-$89% and \\$5.';
    const text = toMarkdownFile({ paper, abstract });
    expect(bodyOf(text)).toBe('\nEarn \\$1 Million with $x^2$ and $y$, at 87-\\$89% and \\\\\\$5.\n');
    expect(mathsIn(text)).toEqual(['x^2', 'y']);
  });

  it('writes front matter keys in the order the schema declares them, whatever order the record has', () => {
    const shuffled = { sources: paper.sources, days: paper.days, authors: paper.authors, upvotes: 3, title: paper.title, id: paper.id };
    const text = toMarkdownFile({ paper: shuffled, abstract: 'Text.' });
    const keys = [...text.matchAll(/^(\w+):/gm)].map((match) => match[1]);
    expect(keys).toEqual(['id', 'title', 'authors', 'days', 'upvotes', 'sources']);
  });

  describe('on every real abstract with a dollar or \\(', () => {
    let abstracts: string[];
    beforeAll(() => {
      const delimited = (text: string) => text.includes('$') || text.includes('\\(');
      abstracts = readRealTexts().filter((text) => text.field === 'abstract' && delimited(text.text)).map((text) => unwrapParagraphs(text.text));
    });

    it('reads back the abstract it wrote, changing only \\(...\\) and $$...$$ maths to $...$, and writes that back byte for byte', () => {
      const changed: string[] = [];
      for (const abstract of abstracts) {
        const text = toMarkdownFile({ paper, abstract });
        const back = fromMarkdownFile(text).abstract;
        if (back !== abstract) {
          changed.push(abstract);
          const rewritten = splitMath(abstract).map((segment) => (segment.type === 'math' ? `$${segment.value}$` : segment.value)).join('');
          expect(back).toBe(rewritten);
        }
        expect(toMarkdownFile({ paper, abstract: back })).toBe(text);
      }
      expect(changed.length).toBe(6); // one \\(...\\) abstract on Hugging Face, four on arXiv, one with $$...$$
    });

    it('writes exactly the maths the detector finds, and nothing else, as maths nodes', () => {
      for (const abstract of abstracts) {
        const found = mathsIn(toMarkdownFile({ paper, abstract }));
        const expected = abstract.split('\n\n').flatMap((paragraph) => splitMath(paragraph).filter((s) => s.type === 'math').map((s) => s.value));
        expect(found, abstract).toEqual(expected);
      }
    });
  });
});
