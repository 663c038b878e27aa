import { join } from 'node:path';
import { siteSettings } from '../config/site-settings.ts';
import { readText } from '../fs/files.ts';
import { abstractOfMarkdownFile } from '../ingest/to-markdown.ts';
import type { PaperDocument } from '../schema/paper.ts';
import type { PaperEntry } from './collection.ts';

const documents = new Map<string, PaperDocument>();

/**
 * A paper with its abstract (text, maths as `$tex$`), for the pages that carry abstracts beyond
 * the paper page: feeds, digests and open data. The collection keeps no Markdown bodies
 * (retainBody: false keeps its data store small at 50,000 papers), so the abstract is read from
 * the paper's file, once per build. The file is found from the entry's id in the collection's
 * folder, not from `entry.filePath`: Astro's content cache keeps an unchanged entry's old path
 * when the same papers are built from another folder.
 */
export function paperDocument(entry: PaperEntry): PaperDocument {
  let document = documents.get(entry.id);
  if (!document) {
    document = { paper: entry.data, abstract: abstractOfMarkdownFile(readText(join(siteSettings().papersDir, `${entry.id}.md`))) };
    documents.set(entry.id, document);
  }
  return document;
}
