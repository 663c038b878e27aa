import { ARXIV_ID } from '../schema/paper.ts';

/**
 * Reads an arXiv id in any of the forms sources use: `2506.01234`, `2506.01234v2`,
 * `arXiv:2506.01234`, `https://arxiv.org/abs/2506.01234v2`, `http://arxiv.org/abs/hep-th/9901001v1`.
 * Returns the id without version, and the version when there was one; undefined if it is no id.
 */
export function parseArxivId(raw: string): { id: string; version?: number } | undefined {
  const match = /^(?:arxiv:|https?:\/\/(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf)\/)?(.+?)(?:v(\d+))?(?:\.pdf)?$/i.exec(raw.trim());
  if (!match || !ARXIV_ID.test(match[1])) return undefined;
  return match[2] ? { id: match[1], version: Number(match[2]) } : { id: match[1] };
}
