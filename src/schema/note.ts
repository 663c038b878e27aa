import { z } from 'astro/zod';

/**
 * An owner's note on a paper: `content/notes/<paper slug>.md`, written by a person and never
 * touched by ingest. The body is Markdown; the front matter is optional.
 */
export const noteSchema = z.strictObject({
  /** A heading for the note; "Notes" when absent. */
  title: z.string().trim().min(1).optional(),
  /** Who wrote it. */
  author: z.string().trim().min(1).optional(),
});
