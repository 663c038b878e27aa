/**
 * Where the collections live: `content/papers` and `content/notes`, unless PAPERS_DIR or
 * NOTES_DIR point elsewhere (tests and the bench build other collections this way).
 */
export const contentDirs = {
  papers: process.env.PAPERS_DIR || './content/papers',
  notes: process.env.NOTES_DIR || './content/notes',
};
