import { ARXIV_ID } from '../schema/paper.ts';

/**
 * Reads an arXiv id in any of the forms sources use: `2506.01234`, `2506.01234v2`,
 * `arXiv:2506.01234`, `https://arxiv.org/abs/2506.01234v2`, `http://arxiv.org/abs/hep-th/9901001v1`.
 * Returns the id without version, and the version when there was one; undefined if it is no id.
 *
 * An old-style id is made canonical: the archive in lower case, and a subject class dropped
 * (`math.GT/0309136` and `math.gt/0309136` are `math/0309136`, as arxiv.org reads them), so one
 * paper never becomes several, nor files whose names differ only in case.
 */
export function parseArxivId(raw: string): { id: string; version?: number } | undefined {
  const match = /^(?:arxiv:|https?:\/\/(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf)\/)?(.+?)(?:v(\d+))?(?:\.pdf)?$/i.exec(raw.trim());
  if (!match) return undefined;
  const id = canonicalOldStyle(match[1]);
  if (!ARXIV_ID.test(id)) return undefined;
  return match[2] ? { id, version: Number(match[2]) } : { id };
}

function canonicalOldStyle(id: string): string {
  const oldStyle = /^([a-z]+(?:-[a-z]+)*)(?:\.[a-z-]{2,})?\/(\d{7})$/i.exec(id);
  return oldStyle ? `${oldStyle[1].toLowerCase()}/${oldStyle[2]}` : id;
}
