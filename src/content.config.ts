import { defineCollection } from 'astro:content';
import { siteSettings } from './config/site-settings.ts';
import { stampedGlob } from './loaders/stamped-glob.ts';
import { noteSchema } from './schema/note.ts';
import { paperSchema } from './schema/paper.ts';

/** The entry id is the file name, which is the paper's slug: Astro's default id would strip the dot. */
const byFileName = ({ entry }: { entry: string }) => entry.replace(/\.md$/, '');

const settings = siteSettings();

/**
 * One Markdown file per paper, written by ingest and validated again here with the same schema;
 * a sync reads only the files written since the last one (src/loaders/stamped-glob.ts).
 * papersDir (PAPERS_DIR) points the build at another collection (tests build small fixtures this way).
 */
const papers = defineCollection({
  loader: stampedGlob({ pattern: '**/*.md', base: settings.papersDir, generateId: byFileName, retainBody: false }),
  schema: paperSchema,
});

/** Owners' notes on papers, one file per paper slug; ingest never writes here. */
const notes = defineCollection({
  loader: stampedGlob({ pattern: '**/*.md', base: settings.notesDir, generateId: byFileName }),
  schema: noteSchema,
});

export const collections = { papers, notes };
