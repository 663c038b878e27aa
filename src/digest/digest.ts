import type { PaperDocument } from '../schema/paper.ts';
import { cardBytes, digestHtml } from './html.ts';
import { digestModel, showing } from './model.ts';
import { digestText } from './text.ts';

/** Gmail cuts a message whose HTML passes about 102 KB; a digest stays under 100 KB. */
export const MAX_DIGEST_BYTES = 100_000;

export interface Digest {
  subject: string;
  html: string;
  text: string;
  /** Papers shown, of `total`: the rest are a link to the day's page. */
  shown: number;
  total: number;
}

/**
 * The e-mail digest of a day, HTML and plain text, from its papers by rank: as many as fit in
 * MAX_DIGEST_BYTES of HTML, then a link to the rest. The HTML is a frame plus one card per paper,
 * so its size for any count is the frame's plus the cards' (each measured once): the count is
 * found without rendering every candidate, in time linear in the day's papers.
 */
export function renderDigest(day: string, papers: readonly PaperDocument[], site: URL): Digest {
  const full = digestModel(day, papers, site);
  const before = [0];
  for (const card of full.papers) before.push(before.at(-1)! + cardBytes(card));
  const bytes = (shown: number) => Buffer.byteLength(digestHtml({ ...showing(full, shown), papers: [] })) + before[shown];
  let shown = papers.length;
  if (bytes(shown) > MAX_DIGEST_BYTES) {
    // Binary search for the largest count that fits: 0 always does, `high` never.
    let [low, high] = [0, papers.length];
    while (low < high - 1) {
      const middle = Math.floor((low + high) / 2);
      if (bytes(middle) <= MAX_DIGEST_BYTES) low = middle;
      else high = middle;
    }
    shown = low;
  }
  const model = showing(full, shown);
  const html = digestHtml(model);
  if (Buffer.byteLength(html) > MAX_DIGEST_BYTES) throw new Error(`the digest of ${day} came to ${Buffer.byteLength(html)} bytes, over ${MAX_DIGEST_BYTES}`);
  return { subject: model.subject, html, text: digestText(model), shown, total: papers.length };
}
