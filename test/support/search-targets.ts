import { byRank } from '../../src/lib/papers.ts';
import type { Paper } from '../../src/schema/paper.ts';
import { readCollection } from './collection.ts';

/**
 * Papers to search for, and the queries that must find them, chosen from whatever collection a
 * build was made of (the few fixture days, or all of ../shared/data), never written down by hand.
 *
 * Pagefind stems words and matches the last word of a query as a prefix, so a query word is
 * taken to reach every paper with a word that starts like it: a choice that is unambiguous under
 * that loose reading is unambiguous for Pagefind too.
 */
export interface SearchablePapers {
  papers: Paper[];
  /** Every word of what the paper pages let Pagefind index, with the papers (by index) it is in. */
  vocabulary: Map<string, Set<number>>;
}

const WORD = /[\p{L}\p{N}]+/gu;

export function words(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/** Pagefind also indexes a hyphenated word whole: `multi-agent` as `multiagent` too. */
function joinedWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+/gu) ?? []).map((word) => word.replaceAll('-', ''));
}

export function searchablePapers(folder: string): SearchablePapers {
  const papers: Paper[] = [];
  const vocabulary = new Map<string, Set<number>>();
  for (const { data, body } of readCollection(folder).values()) {
    const paper = data as Paper;
    const text = [paper.title, body, ...paper.authors, paper.organization?.fullname, paper.aiSummary, ...(paper.keywords ?? []), paper.comment, paper.journalRef, ...(paper.categories ?? [])];
    const all = text.filter(Boolean).join(' ');
    for (const word of [...words(all), ...joinedWords(all)]) {
      let found = vocabulary.get(word);
      if (!found) vocabulary.set(word, (found = new Set()));
      found.add(papers.length);
    }
    papers.push(paper);
  }
  return { papers, vocabulary };
}

/** The start of a word that still reaches every form Pagefind's stemmer may reduce it to. */
function stemPrefix(word: string): string {
  return word.slice(0, Math.max(4, word.length - 3));
}

/** The papers some word of which starts like each word of the query. */
export function papersReached({ papers, vocabulary }: SearchablePapers, query: string): Paper[] {
  let reached: Set<number> | undefined;
  for (const prefix of words(query).map(stemPrefix)) {
    const withPrefix = new Set<number>();
    for (const [word, found] of vocabulary) if (word.startsWith(prefix)) for (const index of found) withPrefix.add(index);
    reached = reached ? new Set([...reached].filter((index) => withPrefix.has(index))) : withPrefix;
  }
  return [...(reached ?? [])].map((index) => papers[index]);
}

/** Papers by organization name, largest first. */
function organizations(papers: readonly Paper[]): [string, Paper[]][] {
  const byName = Map.groupBy(papers.filter((paper) => paper.organization), (paper) => paper.organization!.fullname);
  return [...byName].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
}

/** A word of a paper's title that reaches no other paper. */
export function uniqueTitleWord(searchable: SearchablePapers): { paper: Paper; word: string } {
  for (const paper of searchable.papers) {
    const word = words(paper.title).find((candidate) => /^\p{L}{7,}$/u.test(candidate) && papersReached(searchable, candidate).length === 1);
    if (word) return { paper, word };
  }
  throw new Error('no paper has a title word of its own');
}

/** An author's full name that reaches exactly the one paper they wrote. */
export function soleAuthor(searchable: SearchablePapers): { paper: Paper; name: string } {
  for (const paper of searchable.papers) {
    const name = paper.authors.find((author) => words(author).length >= 2 && words(author).every((word) => /^\p{L}{4,}$/u.test(word)) && papersReached(searchable, author).length === 1);
    if (name) return { paper, name };
  }
  throw new Error('no author name reaches a single paper');
}

/** An organization whose name reaches exactly its own papers (at least two). */
export function distinctiveOrganization(searchable: SearchablePapers): { name: string; papers: Paper[] } {
  for (const [name, own] of organizations(searchable.papers)) {
    if (own.length < 2 || words(name).length === 0) continue;
    const reached = papersReached(searchable, name);
    if (reached.length === own.length && reached.every((paper) => paper.organization?.fullname === name)) return { name, papers: own };
  }
  throw new Error('no organization name reaches exactly its own papers');
}

/** An organization whose most upvoted paper has strictly more upvotes than its next, and that paper. */
export function organizationWithClearTop(searchable: SearchablePapers): { name: string; top: Paper; count: number } {
  for (const [name, own] of organizations(searchable.papers)) {
    const [first, second] = own.toSorted(byRank);
    if (second && (first.upvotes ?? 0) > (second.upvotes ?? 0)) return { name, top: first, count: own.length };
  }
  throw new Error('no organization has a clear most upvoted paper');
}

/**
 * A word in one paper's title that other papers have only in their abstracts (not in their
 * titles, keywords or AI summaries): the paper with it in its title must rank first.
 */
export function titleWordAlsoInAbstracts(searchable: SearchablePapers): { paper: Paper; word: string; others: Paper[] } {
  const prominent = (paper: Paper) => {
    const text = [paper.title, paper.aiSummary ?? '', ...(paper.keywords ?? [])].join(' ');
    return [...words(text), ...joinedWords(text)];
  };
  for (const paper of searchable.papers) {
    for (const word of words(paper.title).filter((candidate) => /^\p{L}{7,}$/u.test(candidate))) {
      const prefix = stemPrefix(word);
      const others = papersReached(searchable, word).filter((other) => other !== paper);
      if (others.length >= 1 && others.length <= 5 && others.every((other) => !prominent(other).some((own) => own.startsWith(prefix)))) return { paper, word, others };
    }
  }
  throw new Error('no title word is elsewhere only in abstracts');
}

/** A year and a month, each with papers, that no paper was listed in both of. */
export function contradictoryPeriod({ papers }: SearchablePapers): { year: string; month: string } {
  const years = new Set(papers.flatMap((paper) => paper.days.map((day) => day.slice(0, 4))));
  const months = new Set(papers.flatMap((paper) => paper.days.map((day) => day.slice(0, 7))));
  for (const year of years) {
    for (const month of months) {
      if (!papers.some((paper) => paper.days.some((day) => day.startsWith(year)) && paper.days.some((day) => day.startsWith(month)))) return { year, month };
    }
  }
  throw new Error('every year and month share a paper: the collection spans one year');
}
