import { formatDay } from '../lib/dates.ts';
import { plainParagraphs, plainText } from '../lib/math-text.ts';
import { rankingWords } from '../lib/papers.ts';
import { externalLinks, paths } from '../lib/paths.ts';
import { site as siteInfo } from '../lib/site.ts';
import { absoluteUrl } from '../lib/site-url.ts';
import { authorPreview, plural, upvoteCount } from '../lib/wording.ts';
import { feedFormats } from '../feeds/formats.ts';
import type { PaperDocument } from '../schema/paper.ts';

/** What a digest says, with every link absolute: the HTML and the text version are two renderings of it. */
export interface DigestModel {
  subject: string;
  heading: string;
  /** `12 papers, by upvotes`. */
  summary: string;
  dayUrl: string;
  /** The digest itself on the site, for mail clients that show it badly. */
  webUrl: string;
  papers: DigestPaper[];
  /** Papers of the day left out to keep the e-mail small. */
  more: number;
  feeds: { name: string; url: string }[];
}

export interface DigestPaper {
  title: string;
  url: string;
  arxivUrl: string;
  /** `A, B, C and 12 more · Organization · 42 upvotes`. */
  byline: string;
  excerpt: string;
}

/** About three lines of the abstract: enough to choose, short enough for a day of 50 papers in one e-mail. */
const EXCERPT_LENGTH = 320;

/** The start of a text, cut at a word boundary within `length` characters. */
export function excerpt(text: string, length = EXCERPT_LENGTH): string {
  if (text.length <= length) return text;
  const cut = text.slice(0, length + 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > length / 2 ? cut.slice(0, space) : cut.slice(0, length)).replace(/[\s,;:.]+$/, '')}…`;
}

/** The digest of `day`, every paper of it included (they come by rank); `showing` cuts it short. */
export function digestModel(day: string, papers: readonly PaperDocument[], site: URL): DigestModel {
  const date = formatDay(day);
  return {
    subject: `${siteInfo.title}: ${plural(papers.length, 'paper', 'papers')} of ${date}`,
    heading: `Papers of ${date}`,
    summary: `${plural(papers.length, 'paper', 'papers')}, ${rankingWords(papers.map(({ paper }) => paper))}`,
    dayUrl: absoluteUrl(paths.day(day), site),
    webUrl: absoluteUrl(paths.digest(day, 'html'), site),
    papers: papers.map(({ paper, abstract }) => ({
      title: plainText(paper.title),
      url: absoluteUrl(paths.paper(paper.id), site),
      arxivUrl: externalLinks.arxivAbstract(paper.id),
      byline: [authorPreview(paper.authors), paper.organization?.fullname, upvoteCount(paper)].filter(Boolean).join(' · '),
      excerpt: excerpt(plainParagraphs(abstract).join(' ')),
    })),
    more: 0,
    feeds: Object.values(feedFormats).map((format) => ({ name: format.name, url: absoluteUrl(format.path(), site) })),
  };
}

/** A digest showing only its first `shown` papers, and how many more there are. */
export function showing(model: DigestModel, shown: number): DigestModel {
  const all = model.papers.length + model.more;
  return { ...model, papers: model.papers.slice(0, shown), more: all - Math.min(shown, model.papers.length) };
}
