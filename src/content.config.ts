import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { paperSchema } from './schema/paper.ts';

/**
 * One Markdown file per paper, written by ingest and validated again here with the same schema.
 * PAPERS_DIR points the build at another collection (tests build small fixtures this way).
 * The entry id is the file name, which is the paper's slug: Astro's default would strip the dot.
 */
const papers = defineCollection({
  loader: glob({
    pattern: '**/*.md',
    base: process.env.PAPERS_DIR || './content/papers',
    generateId: ({ entry }) => entry.replace(/\.md$/, ''),
    retainBody: false,
  }),
  schema: paperSchema,
});

export const collections = { papers };
