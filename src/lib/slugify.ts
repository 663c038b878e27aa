// Imports nothing, so the browser's search script can share it.

/**
 * A URL segment for an organization or topic name: lowercase letters and digits joined by `-`,
 * accents folded (`Wisconsin–Madison` -> `wisconsin-madison`). Other scripts are kept as they are,
 * so a name in Chinese still gets a segment of its own.
 */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}
