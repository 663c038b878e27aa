import { listInputFiles, readText } from '../fs/files.ts';
import { fromMarkdownFile } from '../ingest/to-markdown.ts';
import { byRank } from '../lib/papers.ts';
import type { PaperDocument } from '../schema/paper.ts';

/**
 * The papers of one day, by rank, read from a collection folder without a build: what
 * `npm run digest` renders. A file that does not name the day is skipped unparsed, so a day out
 * of 50,000 papers costs reading them, not parsing them all; the parsed file's `days` decide.
 */
export function readDayPapers(collection: string, day: string): PaperDocument[] {
  const { files, missing } = listInputFiles([collection], ['.md']);
  if (missing.length > 0) throw new Error(`no collection folder at ${collection}`);
  return files
    .map((file) => ({ file, text: readText(file) }))
    .filter(({ text }) => text.includes(day))
    .map(({ file, text }) => {
      try {
        return fromMarkdownFile(text);
      } catch (error) {
        throw new Error(`${file}: ${(error as Error).message}`);
      }
    })
    .filter(({ paper }) => paper.days.includes(day))
    .sort((a, b) => byRank(a.paper, b.paper));
}
