/**
 * A search result's excerpt, from the paper's own words only: its AI summary and abstract. The
 * page's indexed text also holds its title, authors, organization and keywords, which weigh in
 * the ranking; left to Pagefind, the excerpt is the densest run of hits in all of it, and for
 * most queries that is the title and the author list. The paper page marks where the summary
 * and abstract start and where they end (ids that Pagefind records as anchors, with their word
 * positions), and the excerpt is the densest run of hits between the two.
 */

/** The ids of the elements that start the excerpt's text, the first found wins: the AI summary, else the abstract. */
export const EXCERPT_START_IDS = ['paper-summary', 'paper-abstract'] as const;
/** The id of the element that ends it (the keywords); without one, the text runs to the end. */
export const EXCERPT_END_ID = 'paper-keywords';
/** Words in an excerpt, as Pagefind's own default. */
export const EXCERPT_WORDS = 30;

/** What Pagefind gives of a result's page that an excerpt needs. */
export interface ExcerptSource {
  /** The page's indexed text. */
  content: string;
  /** Each hit: its word's position in `content`, and how much it counts. */
  weighted_locations: readonly { location: number; balanced_score: number }[];
  /** The elements with an id, and the position of their first word. */
  anchors: readonly { id: string; location: number }[];
}

/** A run of an excerpt's text, marked when it is a hit. */
export interface ExcerptPart {
  text: string;
  hit: boolean;
}

/** How Pagefind splits its text into the words its positions count. */
const WORD_SEPARATORS = /[^\S\uFEFF]+/;

/** The excerpt of a result: its words, with the hits marked and an ellipsis where the text goes on. */
export function excerptParts(source: ExcerptSource, length = EXCERPT_WORDS): ExcerptPart[] {
  const words = source.content.split(WORD_SEPARATORS);
  const anchor = (id: string) => source.anchors.find((found) => found.id === id)?.location;
  const from = EXCERPT_START_IDS.map(anchor).find((location) => location !== undefined) ?? 0;
  const endAt = anchor(EXCERPT_END_ID);
  const to = endAt !== undefined && endAt > from ? endAt : words.length;
  const hits = source.weighted_locations.filter(({ location }) => location >= from && location < to);
  const start = Math.max(from, Math.min(densestWindow(hits, length, from), to - length));
  const end = Math.min(to, start + length);
  const hitAt = new Set(hits.map(({ location }) => location));
  const parts: ExcerptPart[] = [];
  const push = (text: string, hit: boolean) => {
    const last = parts.at(-1);
    if (last && !last.hit && !hit) last.text += text;
    else parts.push({ text, hit });
  };
  if (start > from) push('… ', false);
  for (let i = start; i < end; i++) {
    push(words[i], hitAt.has(i));
    if (i < end - 1) push(' ', false);
  }
  if (end < to) push(' …', false);
  return parts;
}

/** Where the `length` words with the most weight of hits start (the first of equals); `from` when there are none. */
function densestWindow(hits: readonly { location: number; balanced_score: number }[], length: number, from: number): number {
  let best = from;
  let bestScore = 0;
  for (const { location } of hits) {
    // Windows that start at a hit are the only ones worth trying: any other slides to one.
    const score = hits.reduce((sum, hit) => (hit.location >= location && hit.location < location + length ? sum + hit.balanced_score : sum), 0);
    if (score > bestScore) [best, bestScore] = [location, score];
  }
  // A few words before the first hit, so it reads in its sentence.
  return Math.max(from, best - Math.floor(length / 5));
}
