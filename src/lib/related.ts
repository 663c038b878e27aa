import type { Paper } from '../schema/paper.ts';

/**
 * Related papers, computed once at build time from front matter alone (the abstract is not
 * available then): TF-IDF weighted term overlap, cosine-normalized, over keywords, title and the
 * AI summary.
 *
 * Terms. Every paper becomes a bag of terms:
 * - words of its keywords, title and AI summary (lowercased, accents folded, split on anything
 *   that is not a letter or digit, stop words, one-letter and all-digit tokens dropped, plurals
 *   folded: `LLMs` -> `llm`, `policies` -> `policy`), weighted by the best field they occur in
 *   (keyword 3, title 2, summary 1) plus a little for each further field;
 * - each multi-word keyword as one phrase term (`video generation`), weighted 4, so an exact
 *   phrase match counts more than its words matching apart;
 * - each arXiv category as a weak term (weight 0.5).
 * A term's weight in a paper is that field weight times its IDF, ln(N / df), and each paper's
 * vector is scaled to unit length, so the score of a pair is its cosine similarity: a paper with
 * 30 keywords does not become everyone's neighbour.
 *
 * Cost. Terms found in more than `maxDocumentFrequency` papers are dropped (they carry almost no
 * signal, and a term in m papers costs m² pair updates). The rest go into an inverted index
 * (term -> papers, with weights). For each paper, scores are accumulated only over the postings
 * of its own terms, into one reused dense array, and the best k are kept in a bounded, sorted
 * list. With N papers, T distinct terms per paper (37 on average on the real data) and the cap
 * C, the work is O(N log N) for sorting, O(N · T) for tokenizing and indexing, and
 * sum over kept terms of df² <= N · T · C postings visited (plus at most as many top-k
 * insertions, each O(k)): linear in N for a fixed cap. Memory is O(N · T) for the index plus
 * O(N) scratch, reused from paper to paper. No pair of papers without a shared kept term is ever
 * looked at; no all-pairs comparison.
 *
 * Determinism. Papers are processed in id order whatever the input order, so the floating-point
 * sums, and hence the results, are the same for any permutation of the input; equal scores are
 * ordered by id. A paper is never its own neighbour, and a paper with fewer than k papers sharing
 * a term gets fewer than k.
 */

/** The front-matter fields related papers are computed from; a whole `Paper` fits. */
export type RelatedInput = Pick<Paper, 'id' | 'title'> & Partial<Pick<Paper, 'keywords' | 'aiSummary' | 'categories'>>;

export interface RelatedOptions {
  /** How many related papers to return per paper (at most). Default 5. */
  k?: number;
  /** Terms in more papers than this are ignored. Default `DEFAULT_MAX_DOCUMENT_FREQUENCY` (500). */
  maxDocumentFrequency?: number;
  /** Use the AI summary's words. Default true. */
  useSummary?: boolean;
}

/** Field weights: keywords weigh more than title words, title words more than summary words. */
export const FIELD_WEIGHTS = { phrase: 4, keyword: 3, title: 2, summary: 1, category: 0.5 } as const;

/**
 * The default cap on a term's document frequency. A fixed number, not a share of N, so the cost
 * stays linear in N: at 50,000 papers a term in more than 500 (1%) says little about a pair. On
 * the 6,747 real papers, 500 gives neighbours almost as close (by abstract similarity) as no cap.
 */
export const DEFAULT_MAX_DOCUMENT_FREQUENCY = 500;

// English function words plus the boilerplate of abstracts and AI summaries; all of these are
// frequent enough that the cap would drop most of them anyway, but dropping them here keeps
// small collections clean and the index smaller.
const STOP_WORDS = new Set(
  `a about above across after again against all almost along also although always am among an and another any are around as at
  be because been before being below between both but by can cannot could did do does doing done down during each either else
  enough etc even ever every few for from further had has have having he her here hers him his how however i if in into is it its
  itself just less many may me might more most much must my neither no nor not now of off often on once one only onto or other
  our ours out over own per rather same several she should since so some such than that the their theirs them then there these
  they this those though through thus to too toward towards under until up upon us very via was we well were what when where
  whether which while who whom whose why will with within without would yet you your
  approach approaches based paper papers present presents presented propose proposes proposed introduce introduces introduced
  new novel method methods using use used uses show shows shown demonstrate demonstrates result results improve improves
  improved improving enhance enhances enhanced achieve achieves achieved existing work study framework leverage leverages
  leveraging significantly significant effectively effective various including provide provides state art`.split(/\s+/),
);

/** Lowercase tokens of a text: accents folded, LaTeX commands dropped, stop words and noise removed, plurals folded. */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let plain = text.replace(/\\[a-zA-Z]+/g, ' ').toLowerCase(); // \text, \mathbb: LaTeX markup, not words
  if (/[^\x00-\x7f]/.test(plain)) plain = plain.normalize('NFKD').replace(/\p{M}/gu, '');
  for (const raw of plain.split(/[^\p{L}\p{N}]+/u)) {
    if (raw.length < 2 || STOP_WORDS.has(raw) || isDigits(raw)) continue;
    const token = foldPlural(raw);
    if (token === raw || !STOP_WORDS.has(token)) tokens.push(token);
  }
  return tokens;
}

function isDigits(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/** A light, rule-based plural folding: models -> model, policies -> policy, patches -> patch, LLMs -> llm. */
export function foldPlural(word: string): string {
  if (word.length <= 3 || !word.endsWith('s')) return word;
  if (word.endsWith('ies') && word.length > 4 && !/[aeiou]ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (/(?:ss|x|ch|sh|zz)es$/.test(word)) return word.slice(0, -2);
  if (/(?:ss|us|is)$/.test(word)) return word; // loss, corpus, analysis
  return word.slice(0, -1);
}

/** The terms of one paper with their field weights, before IDF. */
export function paperTerms(paper: RelatedInput, useSummary = true): Map<string, number> {
  // For each term, the weights of the distinct fields it occurs in.
  const fields = new Map<string, number[]>();
  const add = (term: string, weight: number) => {
    const list = fields.get(term);
    if (!list) fields.set(term, [weight]);
    else if (!list.includes(weight)) list.push(weight);
  };
  for (const keyword of paper.keywords ?? []) {
    const words = tokenize(keyword);
    for (const word of words) add(word, FIELD_WEIGHTS.keyword);
    // Phrases live in their own namespace (a space never occurs in a word term).
    if (words.length > 1) add(`"${words.join(' ')}"`, FIELD_WEIGHTS.phrase);
  }
  for (const word of tokenize(paper.title)) add(word, FIELD_WEIGHTS.title);
  if (useSummary && paper.aiSummary) for (const word of tokenize(paper.aiSummary)) add(word, FIELD_WEIGHTS.summary);
  for (const category of paper.categories ?? []) add(`cat:${category.toLowerCase()}`, FIELD_WEIGHTS.category);

  const terms = new Map<string, number>();
  for (const [term, weights] of fields) {
    // The best field counts fully, each further field a quarter: a word in keyword and title
    // is a little stronger than one in keywords alone.
    const sorted = weights.sort((a, b) => b - a);
    terms.set(term, sorted[0] + 0.25 * sorted.slice(1).reduce((sum, w) => sum + w, 0));
  }
  return terms;
}

/**
 * For every paper, the ids of up to `k` related papers, best first. Every input id is a key of
 * the result (in id order), with an empty list when no paper shares a term with it.
 */
export function relatedPapers(papers: readonly RelatedInput[], options: RelatedOptions = {}): Map<string, string[]> {
  const k = options.k ?? 5;
  const useSummary = options.useSummary ?? true;
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`k must be a non-negative integer, not ${k}`);

  // Id order makes every later step independent of the input order.
  const sorted = [...papers].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].id === sorted[i - 1].id) throw new Error(`duplicate paper id ${sorted[i].id}`);
  }
  const n = sorted.length;
  const maxDf = options.maxDocumentFrequency ?? DEFAULT_MAX_DOCUMENT_FREQUENCY;

  // 1. Terms of each paper, interned to numbers; document frequencies.
  const termIds = new Map<string, number>();
  const df: number[] = [];
  const docTerms: Int32Array[] = [];
  const docWeights: Float64Array[] = [];
  for (const paper of sorted) {
    const terms = paperTerms(paper, useSummary);
    const ids = new Int32Array(terms.size);
    const weights = new Float64Array(terms.size);
    let j = 0;
    for (const [term, weight] of terms) {
      let id = termIds.get(term);
      if (id === undefined) {
        id = df.length;
        termIds.set(term, id);
        df.push(0);
      }
      df[id]++;
      ids[j] = id;
      weights[j] = weight;
      j++;
    }
    docTerms.push(ids);
    docWeights.push(weights);
  }
  const termCount = df.length;

  // 2. Weight = field weight × IDF, for kept terms only (df <= cap, and df >= 2: a term of one
  // paper matches nothing); each paper's vector scaled to unit length.
  const idf = new Float64Array(termCount);
  for (let t = 0; t < termCount; t++) idf[t] = df[t] > maxDf || df[t] < 2 ? 0 : Math.log(n / df[t]);
  let postingCount = 0;
  for (let d = 0; d < n; d++) {
    const ids = docTerms[d];
    const weights = docWeights[d];
    let norm = 0;
    let kept = 0;
    for (let j = 0; j < ids.length; j++) {
      const w = weights[j] * idf[ids[j]];
      if (w > 0) {
        ids[kept] = ids[j];
        weights[kept] = w;
        kept++;
        norm += w * w;
      }
    }
    norm = Math.sqrt(norm);
    for (let j = 0; j < kept; j++) weights[j] /= norm;
    docTerms[d] = ids.subarray(0, kept);
    docWeights[d] = weights.subarray(0, kept);
    postingCount += kept;
  }

  // 3. Inverted index in compressed rows: postings of term t are
  // [start[t], start[t + 1]), in paper order.
  const start = new Int32Array(termCount + 1);
  for (let d = 0; d < n; d++) for (const t of docTerms[d]) start[t + 1]++;
  for (let t = 0; t < termCount; t++) start[t + 1] += start[t];
  const postingDoc = new Int32Array(postingCount);
  const postingWeight = new Float64Array(postingCount);
  const fill = start.slice(0, termCount);
  for (let d = 0; d < n; d++) {
    const ids = docTerms[d];
    const weights = docWeights[d];
    for (let j = 0; j < ids.length; j++) {
      const slot = fill[ids[j]]++;
      postingDoc[slot] = d;
      postingWeight[slot] = weights[j];
    }
  }

  // 4. Per paper: accumulate through postings, keep the best k.
  const score = new Float64Array(n);
  const seen = new Int32Array(n).fill(-1);
  const touched = new Int32Array(n);
  const topDoc = new Int32Array(k);
  const topScore = new Float64Array(k);
  const result = new Map<string, string[]>();
  for (let d = 0; d < n; d++) {
    const ids = docTerms[d];
    const weights = docWeights[d];
    let touchedCount = 0;
    for (let j = 0; j < ids.length; j++) {
      const t = ids[j];
      const w = weights[j];
      for (let p = start[t], end = start[t + 1]; p < end; p++) {
        const e = postingDoc[p];
        if (seen[e] !== d) {
          seen[e] = d;
          score[e] = 0;
          touched[touchedCount++] = e;
        }
        score[e] += w * postingWeight[p];
      }
    }
    // Bounded top-k by insertion into a sorted list of at most k: score descending, then id
    // (= index, as papers are in id order) ascending.
    let size = 0;
    for (let i = 0; i < touchedCount; i++) {
      const e = touched[i];
      if (e === d) continue;
      const s = score[e];
      if (size === k && !(s > topScore[k - 1] || (s === topScore[k - 1] && e < topDoc[k - 1]))) continue;
      let pos = size < k ? size++ : k - 1;
      while (pos > 0 && (s > topScore[pos - 1] || (s === topScore[pos - 1] && e < topDoc[pos - 1]))) {
        topScore[pos] = topScore[pos - 1];
        topDoc[pos] = topDoc[pos - 1];
        pos--;
      }
      topScore[pos] = s;
      topDoc[pos] = e;
    }
    const list: string[] = [];
    for (let i = 0; i < size; i++) list.push(sorted[topDoc[i]].id);
    result.set(sorted[d].id, list);
  }
  return result;
}
