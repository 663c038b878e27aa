import { ARXIV_ID } from '../schema/paper.ts';

/**
 * The file name and URL segment of a paper. New-style ids are used as they are; the slash of an
 * old-style id (`hep-th/9901001`) becomes `_`, which no arXiv id contains, so the mapping is
 * reversible and never leaves its folder.
 */
export function paperSlug(id: string): string {
  if (!ARXIV_ID.test(id)) throw new Error(`not an arXiv id: ${JSON.stringify(id)}`);
  return id.replace('/', '_');
}

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
