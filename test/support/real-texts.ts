import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { arxivListingData, hfDailyData } from './locations.ts';

/** A title or an abstract of the real data, whitespace collapsed as ingest unwraps it, with where it comes from. */
export interface RealText {
  id: string;
  field: 'title' | 'abstract';
  text: string;
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Every distinct title and abstract in both real data folders, read without project code: from
 * Hugging Face both titles (arXiv's spelling and the plain copy), from arXiv listings the title.
 */
export function readRealTexts(): RealText[] {
  const texts = new Map<string, RealText>();
  const add = (id: string, field: RealText['field'], text: string | undefined) => {
    if (text) texts.set(`${field}\n${collapse(text)}`, { id, field, text: collapse(text) });
  };
  for (const name of readdirSync(hfDailyData).sort()) {
    const items = JSON.parse(readFileSync(join(hfDailyData, name), 'utf8')) as { title?: string; paper: { id: string; title: string; summary: string } }[];
    for (const { title, paper } of items) {
      add(paper.id, 'title', title);
      add(paper.id, 'title', paper.title);
      add(paper.id, 'abstract', paper.summary);
    }
  }
  for (const name of readdirSync(arxivListingData).sort()) {
    for (const line of readFileSync(join(arxivListingData, name), 'utf8').split('\n').filter(Boolean)) {
      const { id, title, summary } = JSON.parse(line) as { id: string; title: string; summary: string };
      add(id, 'title', title);
      add(id, 'abstract', summary);
    }
  }
  return [...texts.values()];
}
