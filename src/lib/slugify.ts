// Imports nothing, so the browser's search script can share it.

/**
 * Slugs already made, by name. A build slugifies each paper's organization and keywords many
 * times over: for its page, for its card on every listing, for cache keys and search fields, for
 * topics (the 8,582 real papers have 62,000 keywords, 41,000 of them distinct). Each name is
 * worked out once.
 */
const made = new Map<string, string>();

/**
 * A URL segment for an organization or topic name: lowercase letters and digits joined by `-`,
 * accents folded (`Wisconsin–Madison` -> `wisconsin-madison`). Other scripts are kept as they are,
 * so a name in Chinese still gets a segment of its own. A name with no letter or digit at all
 * (`***`) is spelled by its code points (`u2a-2a-2a`), so it never gets an empty segment.
 */
export function slugify(name: string): string {
  let slug = made.get(name);
  if (slug === undefined) {
    slug = name
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '');
    if (slug === '') slug = `u${[...name.trim()].map((char) => char.codePointAt(0)!.toString(16)).join('-')}`;
    made.set(name, slug);
  }
  return slug;
}
