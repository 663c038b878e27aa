import { describe, expect, it } from 'vitest';
import { excerptParts, type ExcerptSource } from '../src/lib/search-excerpt.ts';

/** A paper page's indexed text as Pagefind records it: its words, the anchors' positions, and hits on `hitWords`. */
function indexed(sections: { id?: string; text: string }[], hitWords: readonly string[]): ExcerptSource {
  const words: string[] = [];
  const anchors: { id: string; location: number }[] = [];
  for (const { id, text } of sections) {
    if (id) anchors.push({ id, location: words.length });
    words.push(...text.split(' '));
  }
  const weighted_locations = words.flatMap((word, location) => (hitWords.includes(word.replace(/\W/g, '').toLowerCase()) ? [{ location, balanced_score: 1 }] : []));
  return { content: words.join(' '), anchors, weighted_locations };
}

const text = (source: ExcerptSource, length?: number) => excerptParts(source, length).map((part) => (part.hit ? `[${part.text}]` : part.text)).join('');

const page = (summary: string, abstract: string) => [
  { text: 'Agents for agents: agent agents. Ann Agent. Bob Agent. Agent Lab' },
  { id: 'paper-summary', text: summary },
  { id: 'paper-abstract', text: abstract },
  { id: 'paper-keywords', text: 'agents. agent benchmark. agents tools.' },
];

describe('search excerpts', () => {
  it('come from the AI summary and abstract, never from the title, authors or keywords, however many hits those hold', () => {
    const source = indexed(page('A summary of one thing.', 'We study how agents plan, and test them on tasks.'), ['agents', 'agent']);
    expect(text(source)).toBe('A summary of one thing. We study how [agents] plan, and test them on tasks.');
  });

  it('are the run of the text with the most hits, with an ellipsis where the text goes on', () => {
    const long = `${'Filler words here. '.repeat(10)}Then diffusion models and diffusion sampling meet. ${'More filler. '.repeat(10)}`.trim();
    const excerpt = text(indexed(page('No hit here.', long), ['diffusion']), 12);
    expect(excerpt).toMatch(/^… .*\[diffusion\] models and \[diffusion\] sampling meet\. .* …$/);
    expect(excerpt).not.toContain('No hit');
  });

  it('start at the summary when it holds no hit, and run to the end of the text on a page without keywords', () => {
    const sections = page('First words of the summary.', 'And the abstract.').slice(0, 3);
    expect(text(indexed(sections, ['nothing']))).toBe('First words of the summary. And the abstract.');
  });

  it('start at the abstract on a page without a summary', () => {
    const sections = page('', 'Only an abstract, about agents.').filter((section) => section.id !== 'paper-summary');
    expect(text(indexed(sections, ['agents']))).toBe('Only an abstract, about [agents.]');
  });
});
