import type { Paper } from '../schema/paper.ts';
import { authorValue, texValue, verbatimValue } from './bibtex-values.ts';
import { externalLinks } from './paths.ts';
import { slugify } from './slugify.ts';

/**
 * A BibTeX entry in arXiv's own style (`@misc` with eprint, archivePrefix and primaryClass), so
 * it matches what arXiv's "Export BibTeX Citation" gives. The key is first author's family name,
 * year and first title word: `ouyang2026gameworld`. Every value is written by its kind
 * (bibtex-values.ts), so no record can end a field early or add one.
 */
export function bibtex(paper: Paper): string {
  const year = (paper.publishedAt ?? paper.days[0]).slice(0, 4);
  const family = slugify(paper.authors[0].split(/\s+/).at(-1) ?? 'anon').replace(/-/g, '') || 'anon';
  const firstWord = slugify(paper.title.replace(/\$[^$]*\$/g, '').split(/\s+/).find((word) => /\w{3,}/.test(word)) ?? '').replace(/-/g, '');
  const fields: [string, string | undefined][] = [
    // Double braces keep the title's capitals as written.
    ['title', `{${texValue(paper.title)}}`],
    ['author', paper.authors.map(authorValue).join(' and ')],
    ['year', verbatimValue(year)],
    ['eprint', verbatimValue(paper.id)],
    ['archivePrefix', 'arXiv'],
    ['primaryClass', paper.primaryCategory && texValue(paper.primaryCategory)],
    ['doi', paper.doi && verbatimValue(paper.doi)],
    ['url', verbatimValue(externalLinks.arxivAbstract(paper.id))],
  ];
  const body = fields.filter(([, value]) => value).map(([name, value]) => `  ${name}={${value}},`).join('\n');
  return `@misc{${family}${year}${firstWord},\n${body}\n}`;
}
