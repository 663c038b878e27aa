import { paperDocument } from '../lib/abstracts.ts';
import type { PaperEntry } from '../lib/collection.ts';
import { plainParagraphs, plainText } from '../lib/math-text.ts';
import { byRank } from '../lib/papers.ts';
import { paths } from '../lib/paths.ts';
import { absoluteUrl } from '../lib/site-url.ts';
import type { PaperDocument } from '../schema/paper.ts';

/** What every feed format says about one paper. */
export interface FeedItem {
  /** `arxiv:<id>`: the same in every format and whatever the site's address, so a reader never sees a paper twice. */
  id: string;
  /** Plain text: TeX as readable characters. */
  title: string;
  /** The paper's page, absolute. */
  url: string;
  /** The day the paper was listed (its latest list day), `YYYY-MM-DD`. */
  day: string;
  authors: string[];
  /**
   * The abstract as plain-text paragraphs (one array per paper, shared by every feed it is in);
   * in a brief feed, the paper's one-line AI summary instead, or the abstract's first paragraph.
   */
  abstract: readonly string[];
  /** The paper's keywords, as categories or tags; none in a brief feed, which follows one topic or organization already. */
  keywords: string[];
}

/** A feed, whatever its format. */
export interface Feed {
  title: string;
  description: string;
  /** The page the feed follows, absolute. */
  pageUrl: string;
  /** The newest item's day: never the build time, so two builds write the same bytes. */
  updated: string;
  items: FeedItem[];
}

/**
 * The number of items of the site's feeds, and of each organization's and topic's, which are
 * brief (a summary an item, no keywords): thousands of them, each a whole abstract an item,
 * weighed more than all the topic pages (docs/performance.md). A reader follows a topic's feed
 * to its papers' pages.
 */
export const FEED_LIMITS = { site: 100, listing: 10 };

/**
 * Each paper's abstract as plain-text paragraphs, made once per build: a paper is in its
 * organization's feed and in each of its topics' (at 54,000 papers, making them again for every
 * feed took some 4 s of the build). Keyed weakly by the paper's document, kept for the build by
 * paperDocument: a dev server that reloads the collection gets new ones.
 */
const plainAbstracts = new WeakMap<PaperDocument, readonly string[]>();

function plainAbstract(document: PaperDocument): readonly string[] {
  let paragraphs = plainAbstracts.get(document);
  if (!paragraphs) plainAbstracts.set(document, (paragraphs = plainParagraphs(document.abstract)));
  return paragraphs;
}

/** A brief feed's text of a paper: its AI summary, or its abstract's first paragraph. */
function briefText(document: PaperDocument): readonly string[] {
  const summary = document.paper.aiSummary;
  return summary ? [plainText(summary)] : plainAbstract(document).slice(0, 1);
}

/** The paper's latest list day: the one a feed dates it by. */
const latestDay = (entry: PaperEntry) => entry.data.days.at(-1)!;

/**
 * The `limit` most recently listed papers, newest day first and by rank within a day, as a
 * feed. Sorting a copy of the papers is O(n log n) in the papers given, which are one listing's.
 */
export function feedOf({ title, description, page, entries, limit, site, brief = false }: { title: string; description: string; page: string; entries: readonly PaperEntry[]; limit: number; site: URL; brief?: boolean }): Feed {
  const newest = [...new Set(entries)].sort((a, b) => latestDay(b).localeCompare(latestDay(a)) || byRank(a.data, b.data)).slice(0, limit);
  const items = newest.map((entry): FeedItem => {
    const document = paperDocument(entry);
    const { paper } = document;
    return {
      id: `arxiv:${paper.id}`,
      title: plainText(paper.title),
      url: absoluteUrl(paths.paper(paper.id), site),
      day: latestDay(entry),
      authors: paper.authors,
      abstract: brief ? briefText(document) : plainAbstract(document),
      keywords: brief ? [] : (paper.keywords ?? []),
    };
  });
  // The Unix epoch dates a feed with no items, which only a site without papers has.
  return { title, description, pageUrl: absoluteUrl(page, site), updated: items[0]?.day ?? '1970-01-01', items };
}

/** Midnight UTC of a day: feeds date papers by the day they were listed. */
export function dayStart(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}
