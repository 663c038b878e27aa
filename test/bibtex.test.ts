import { parse } from '@retorquere/bibtex-parser';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bibtex } from '../src/lib/bibtex.ts';
import { paperSchema, type Paper } from '../src/schema/paper.ts';
import { readCollection } from './support/collection.ts';
import { projectRoot } from './support/locations.ts';
import { readRealTexts } from './support/real-texts.ts';

/** The fields we write, as BibTeX names them: without regard to case. */
const FIELDS = ['title', 'author', 'year', 'eprint', 'archiveprefix', 'primaryclass', 'doi', 'url'].sort();

/** A paper of our own with the given text in every field a record's text reaches. */
function paperWith({ title = 'A Title', authors = ['Ada Lovelace'], doi = '10.1234/abc', primaryCategory = 'cs.CL' }: Partial<Pick<Paper, 'title' | 'authors' | 'doi' | 'primaryCategory'>>): Paper {
  return paperSchema.parse({ id: '2604.07429', title, authors, days: ['2026-04-10'], primaryCategory, doi, sources: ['hf-daily'] });
}

/**
 * The field names of one entry as BibTeX 0.99d reads them: a braced value ends at the brace that
 * balances its opening one, every brace counted, backslashed or not (the JavaScript parser skips
 * a backslashed brace, so it alone would not catch `\}`). Throws when the text is not one entry.
 */
function fieldsAsBibtexReadsThem(entry: string): string[] {
  const names: string[] = [];
  let at = /^@misc\{[^\s,{}]+,/.exec(entry)![0].length;
  for (let field; (field = /^\s*(\w+)=\{/.exec(entry.slice(at))); ) {
    names.push(field[1]);
    at += field[0].length;
    for (let depth = 1; depth > 0; at++) {
      if (at >= entry.length) throw new Error(`the value of ${field[1]} never ends`);
      depth += entry[at] === '{' ? 1 : entry[at] === '}' ? -1 : 0;
    }
    at += /^,?/.exec(entry.slice(at))![0].length;
  }
  if (!/^\s*\}$/.test(entry.slice(at))) throw new Error(`text after the fields: ${entry.slice(at)}`);
  return names;
}

/** What a reference manager imports from the entry (Better BibTeX's parser, which Zotero uses), TeX left as written or decoded. */
const imported = (entry: string, raw: boolean) => parse(entry, { raw, english: false });

/** Holds when the entry is one entry with exactly our fields and the given number of authors, read either way. */
function expectOneEntryWithOurFields(entry: string, authors: number): void {
  const library = imported(entry, true);
  expect(library.errors, entry).toEqual([]);
  expect(library.entries, entry).toHaveLength(1);
  expect(Object.keys(library.entries[0].fields).sort(), entry).toEqual(FIELDS);
  expect(library.entries[0].fields.author, entry).toHaveLength(authors);
  expect(fieldsAsBibtexReadsThem(entry).map((name) => name.toLowerCase()).sort(), entry).toEqual(FIELDS);
}

/** Hostile or broken text: the injection of issue 20, lone braces either way, escaped or not, a trailing backslash, an unpaired dollar. */
const HOSTILE = [
  'Good Title}}, author={Mallory Fake}, note={',
  'Open { but never closed',
  'Closed } but never opened',
  'An escaped \\} alone, and \\{ with a plain }',
  'Ends in a backslash \\',
  'Maths that ends in one $x\\\\$ and \\(y\\\\)',
  'Earn $1 Million}',
  '100% & #1',
];

describe('the BibTeX entry of a paper', () => {
  it.each(HOSTILE)('stays one entry with exactly our fields whatever the title, authors, category and DOI hold: %s', (text) => {
    const entry = bibtex(paperWith({ title: text, authors: [text, 'Ada Lovelace'], primaryCategory: text, doi: `10.1234/${text.replace(/\s/g, '')}` }));
    expectOneEntryWithOurFields(entry, 2);
  });

  it('imports the title, authors and DOI as written, braces, dollars and backslashes included', () => {
    const title = 'Closed } and opened { and ends in \\';
    const doi = '10.1234/a}b{c\\';
    const { fields } = imported(bibtex(paperWith({ title, authors: ['Eve } Mallory', 'Ada Lovelace'], doi })), false).entries[0];
    expect(fields.title).toBe(title);
    expect(fields.author).toEqual([{ firstName: 'Eve }', lastName: 'Mallory' }, { firstName: 'Ada', lastName: 'Lovelace' }]);
    expect(decodeURIComponent(fields.doi)).toBe(doi);
    expect(imported(bibtex(paperWith({ title: 'Earn $1 Million & 100%' })), false).entries[0].fields.title).toBe('Earn $1 Million & 100%');
  });

  it('keeps a name holding the word "and" one author, not two', () => {
    const { fields } = imported(bibtex(paperWith({ authors: ['Mallory and Fake', 'Ada Lovelace'] })), false).entries[0];
    expect(fields.author).toEqual([{ name: 'Mallory and Fake' }, { firstName: 'Ada', lastName: 'Lovelace' }]);
  });

  it('writes a LaTeX title as written: maths, commands and balanced groups are TeX, as in arXiv’s export', () => {
    for (const title of ['$\\text{Transformer}^2$: Self-adaptive LLMs', 'Schr\\"{o}dinger Bridges for {BERT}', 'Sets $\\{x\\}$ and \\{y\\}']) {
      expect(bibtex(paperWith({ title }))).toContain(`  title={{${title}}},\n`);
    }
  });

  it('stays one entry with our fields for every paper of the sample, and every real title and author of the shared data', () => {
    const sample = [...readCollection(join(projectRoot, 'content', 'papers')).values()].map(({ data }) => paperSchema.parse(data));
    expect(sample.length).toBeGreaterThan(100);
    for (const paper of sample) expectOneEntryWithOurFields(bibtex({ ...paper, doi: paper.doi ?? '10.1234/abc', primaryCategory: paper.primaryCategory ?? 'cs.CL' }), paper.authors.length);
    const titles = readRealTexts().filter((text) => text.field === 'title');
    expect(titles.some((text) => text.text.includes('$\\text{Transformer}^2$'))).toBe(true);
    for (const { text } of titles) expectOneEntryWithOurFields(bibtex(paperWith({ title: text })), 1);
  });
});
