import type { Paper } from '../schema/paper.ts';
import { externalLinks } from './paths.ts';
import { slugify } from './slugify.ts';

/** Escapes the characters TeX reads as syntax in running text, unless the record already escaped them. */
function escapeField(text: string): string {
  return text.replace(/(?<!\\)([&%#])/g, '\\$1');
}

/**
 * A BibTeX entry in arXiv's own style (`@misc` with eprint, archivePrefix and primaryClass), so
 * it matches what arXiv's "Export BibTeX Citation" gives. The key is first author's family name,
 * year and first title word: `ouyang2026gameworld`.
 */
export function bibtex(paper: Paper): string {
  const year = (paper.publishedAt ?? paper.days[0]).slice(0, 4);
  const family = slugify(paper.authors[0].split(/\s+/).at(-1) ?? 'anon').replace(/-/g, '') || 'anon';
  const firstWord = slugify(paper.title.replace(/\$[^$]*\$/g, '').split(/\s+/).find((word) => /\w{3,}/.test(word)) ?? '').replace(/-/g, '');
  const fields: [string, string | undefined][] = [
    // Double braces keep the title's capitals as written.
    ['title', `{${escapeField(paper.title)}}`],
    ['author', paper.authors.map(escapeField).join(' and ')],
    ['year', year],
    ['eprint', paper.id],
    ['archivePrefix', 'arXiv'],
    ['primaryClass', paper.primaryCategory],
    ['doi', paper.doi],
    ['url', externalLinks.arxivAbstract(paper.id)],
  ];
  const body = fields.filter(([, value]) => value).map(([name, value]) => `  ${name}={${value}},`).join('\n');
  return `@misc{${family}${year}${firstWord},\n${body}\n}`;
}
