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
