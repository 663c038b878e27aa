import matter from 'gray-matter';
import { DEFAULT_SCHEMA, dump, load } from 'js-yaml';

/**
 * The one reader and writer of front matter. gray-matter splits a file into its front matter and
 * body; the YAML inside is read and written by js-yaml 4 with its default schema, which is what
 * Astro's content layer reads it with. gray-matter's own js-yaml 3 writes YAML 1.1, which leaves a
 * string such as `0o17` unquoted that YAML 1.2 then reads as the number 15: one writer and the
 * build's reader from one library means a string is written quoted whenever the build would read
 * it as anything else. Only YAML is read: gray-matter would run a `---js` block as code.
 */

/** Thrown for a file whose front matter is not YAML (`---js`, `---coffee`, `---json`). */
export class FrontMatterLanguageError extends Error {
  constructor(language: string) {
    super(`front matter must be YAML (a plain "---" line), found "---${language}"; no other language is read`);
    this.name = 'FrontMatterLanguageError';
  }
}

const yamlEngine = {
  parse: (text: string) => load(text, { schema: DEFAULT_SCHEMA }) as object,
  // No folding of long lines and no anchors, so a file reads as it is and diffs line by line.
  stringify: (data: object) => dump(data, { schema: DEFAULT_SCHEMA, lineWidth: -1, noRefs: true }),
};

const refused = (language: string) => ({
  parse: () => {
    throw new FrontMatterLanguageError(language);
  },
});

/** Every language gray-matter knows, so none but YAML can run. Passing options also turns off its cache, which would keep every file in memory. */
const options = { language: 'yaml', engines: { yaml: yamlEngine, javascript: refused('js'), coffee: refused('coffee'), json: refused('json') } };

/** The front matter of `text` (undefined fields and all, for a schema to judge) and its body. */
export function readFrontMatter(text: string): { data: Record<string, unknown>; body: string } {
  const language = /^---[ \t]*([^\s-][^\n]*?)\s*\n/.exec(text)?.[1];
  if (language !== undefined && language !== 'yaml' && language !== 'yml') throw new FrontMatterLanguageError(language);
  const { data, content } = matter(text, options);
  return { data, body: content };
}

/** The same, but YAML read as nothing: for the bodies of files whose front matter was read before. */
const skipping = { ...options, engines: { ...options.engines, yaml: { parse: () => ({}) } } };

/** The body of `text` with its front matter skipped unread, for a file whose front matter the content collection has read already. */
export function bodyOfFrontMatterFile(text: string): string {
  return matter(text, skipping).content;
}

/** `body` under front matter holding `data`, as `readFrontMatter` and Astro read it back. */
export function writeFrontMatter(body: string, data: Record<string, unknown>): string {
  return matter.stringify(body, data, options);
}
