import { readText } from '../ingest/files.ts';
import { fromMarkdownFile } from '../ingest/to-markdown.ts';
import type { PaperDocument } from '../schema/paper.ts';
import type { PaperEntry } from './collection.ts';

const documents = new Map<string, PaperDocument>();

/**
 * A paper with its abstract (text, maths as `$tex$`), for the pages that carry abstracts beyond
 * the paper page: feeds, digests and open data. The collection keeps no Markdown bodies
 * (retainBody: false keeps its data store small at 50,000 papers), so the abstract is read from
 * the paper's file, once per build.
 */
export function paperDocument(entry: PaperEntry): PaperDocument {
  let document = documents.get(entry.id);
  if (!document) {
    if (!entry.filePath) throw new Error(`paper ${entry.id} has no file to read its abstract from`);
    document = { paper: entry.data, abstract: fromMarkdownFile(readText(entry.filePath)).abstract };
    documents.set(entry.id, document);
  }
  return document;
}
