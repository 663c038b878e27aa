import { fromMarkdown } from 'mdast-util-from-markdown';
import { describe, expect, it } from 'vitest';
import { fromMarkdownFile, toMarkdownFile } from '../src/ingest/to-markdown.ts';
import type { PaperDocument } from '../src/schema/paper.ts';

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

describe('the Markdown body of a paper', () => {
  it.each(hostileAbstracts)('keeps the abstract as text: %s', (abstract) => {
    const text = toMarkdownFile({ paper, abstract });
    const body = text.slice(text.indexOf('---', 3) + 3);
    const tree = fromMarkdown(body);
    // Only paragraphs of plain text: nothing the abstract said became a heading, link, list or HTML.
    for (const block of tree.children) {
      expect(block.type).toBe('paragraph');
      for (const inline of 'children' in block ? block.children : []) expect(inline.type).toBe('text');
    }
    expect(fromMarkdownFile(text).abstract).toBe(abstract);
  });

  it('writes front matter keys in the order the schema declares them, whatever order the record has', () => {
    const shuffled = { sources: paper.sources, days: paper.days, authors: paper.authors, upvotes: 3, title: paper.title, id: paper.id };
    const text = toMarkdownFile({ paper: shuffled, abstract: 'Text.' });
    const keys = [...text.matchAll(/^(\w+):/gm)].map((match) => match[1]);
    expect(keys).toEqual(['id', 'title', 'authors', 'days', 'upvotes', 'sources']);
  });
});
