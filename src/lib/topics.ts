// Imports only what imports nothing, so the browser's search script can share it (search-keys.ts).
import { slugify } from './slugify.ts';

/**
 * Which topic each keyword files under. Machine-extracted keywords spell one topic many ways:
 * "large language model" and "Large Language Models", "diffusion transformer(s)", "GRPO" and
 * "Group Relative Policy Optimization (GRPO)". A keyword's key folds what its spelling alone
 * says (case, punctuation, a plural last word, a trailing "(ACRONYM)"); an acronym and its
 * expansion share a topic where the records themselves pair them.
 */

/** Words whose last `s` is no plural. */
const NOT_PLURALS = new Set(['series', 'species', 'news', 'bias', 'lens', 'gas']);

/** The singular of a slug's last word, for the plurals keywords use: `models`, `policies`, `patches`, `llms`. */
function singular(word: string): string {
  if (word.length <= 3 || !/^[a-z0-9]+s$/.test(word) || NOT_PLURALS.has(word) || /(ss|us|is|ics)$/.test(word)) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/(sh|ch|x)es$/.test(word)) return word.slice(0, -2);
  return word.slice(0, -1);
}

/** A keyword's expansion and acronym when it is written `Expansion (ACR)` and the acronym fits it. */
function expansionWithAcronym(keyword: string): { expansion: string; acronym: string } | undefined {
  const found = /^(.+?)\s*\(([^()\s]{2,12})\)$/u.exec(keyword.trim());
  return found && acronymFits(found[2], found[1]) ? { expansion: found[1], acronym: found[2] } : undefined;
}

/** Keys already made, by keyword: a keyword is keyed for its cards, its page, its search fields and the topics, many times a build. */
const keys = new Map<string, string>();

/** The key of a keyword by its spelling alone: its slug, the last word singular, an `(ACR)` after an expansion dropped. */
export function keywordKey(keyword: string): string {
  let key = keys.get(keyword);
  if (key === undefined) {
    const words = slugify(expansionWithAcronym(keyword)?.expansion ?? keyword).split('-');
    words[words.length - 1] = singular(words.at(-1)!);
    keys.set(keyword, (key = words.join('-')));
  }
  return key;
}

/** Small words an acronym skips: Reinforcement Learning with Verifiable Rewards is RLVR. */
const SKIPPED = new Set(['a', 'an', 'and', 'by', 'for', 'from', 'in', 'of', 'on', 'the', 'to', 'via', 'with']);

/** Whether `acronym` (`GRPO`, `MLLMs`, `DiT`, `CoT`) is made of the initials of `expansion`'s words. */
export function acronymFits(acronym: string, expansion: string): boolean {
  if (!/^[A-Z][A-Za-z0-9]*$/.test(acronym)) return false;
  const letters = [...acronym.replace(/s$/, '')].filter((char) => /[A-Z]/.test(char)).join('');
  const words = expansion.split(/[\s-]+/).filter((word) => word !== '' && !SKIPPED.has(word.toLowerCase()));
  return letters.length >= 2 && words.length === letters.length && words.every((word, i) => word[0].toUpperCase() === letters[i]);
}

/**
 * The topic key of every keyword of a collection, given each paper's keywords: a keyword's own
 * key, or, for an acronym and its expansion that some paper pairs (a keyword `Expansion (ACR)`,
 * or both among one paper's keywords), the key of the two that more papers use. An acronym
 * goes with the expansion most papers pair it with, never with two.
 */
export function topicKeys(keywordLists: Iterable<readonly string[]>): (keyword: string) => string {
  const papersWith = new Map<string, number>();
  const pairings = new Map<string, Map<string, number>>();
  const pair = (acronym: string, expansion: string) => {
    const [from, to] = [keywordKey(acronym), keywordKey(expansion)];
    if (from === to) return;
    let counts = pairings.get(from);
    if (!counts) pairings.set(from, (counts = new Map()));
    counts.set(to, (counts.get(to) ?? 0) + 1);
  };
  for (const keywords of keywordLists) {
    for (const key of new Set(keywords.map(keywordKey))) papersWith.set(key, (papersWith.get(key) ?? 0) + 1);
    const acronyms = keywords.filter((keyword) => /^[A-Z][A-Za-z0-9]*$/.test(keyword));
    for (const keyword of keywords) {
      const written = expansionWithAcronym(keyword);
      if (written) pair(written.acronym, written.expansion);
      for (const acronym of acronyms) if (acronym !== keyword && acronymFits(acronym, keyword)) pair(acronym, keyword);
    }
  }
  // Each expansion with the acronyms that go with it; the member most papers use names the topic
  // (its URL), ties going to the expansion.
  const members = new Map<string, string[]>();
  for (const [acronym, counts] of pairings) {
    const expansion = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
    members.set(expansion, [...(members.get(expansion) ?? []), acronym]);
  }
  const topicOf = new Map<string, string>();
  for (const [expansion, acronyms] of members) {
    const named = [expansion, ...acronyms.sort()].reduce((best, key) => ((papersWith.get(key) ?? 0) > (papersWith.get(best) ?? 0) ? key : best));
    for (const key of [expansion, ...acronyms]) if (key !== named) topicOf.set(key, named);
  }
  return (keyword) => {
    const key = keywordKey(keyword);
    return topicOf.get(key) ?? key;
  };
}

/** The fewest papers a topic page ever lists: a keyword two papers share is no topic yet. */
export const MIN_TOPIC_PAPERS = 3;

/** At most one topic page for this many papers, so topics grow with the archive, not with its keywords. */
export const PAPERS_PER_TOPIC = 10;

/** As many topics as this whatever the archive's size: a small site's topics are not cut at all. */
export const TOPICS_AT_LEAST = 100;

/**
 * How many papers a topic needs for a page of its own, given every topic's size: the least
 * number, at least MIN_TOPIC_PAPERS, that leaves at most one topic per PAPERS_PER_TOPIC papers.
 * Keywords are machine-made, about six a paper, and mostly used once or twice: counted by
 * their size alone, topics would outgrow the papers (docs/performance.md). A threshold, not a
 * count, so two topics of one size always fare alike. The allowance grows by whole thousands of
 * papers, so that a day's papers seldom move the threshold, which changes links on every page.
 */
export function topicThreshold(sizes: readonly number[], papers: number): number {
  const allowed = Math.max(TOPICS_AT_LEAST, Math.floor(papers / 1000) * (1000 / PAPERS_PER_TOPIC));
  const descending = sizes.filter((size) => size >= MIN_TOPIC_PAPERS).sort((a, b) => b - a);
  if (descending.length <= allowed) return MIN_TOPIC_PAPERS;
  // The size of the first topic past the allowance: every topic at least one paper larger fits.
  return descending[allowed] + 1;
}
