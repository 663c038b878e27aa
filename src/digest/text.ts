import { site as siteInfo } from '../lib/site.ts';
import type { DigestModel } from './model.ts';

/** The digest as plain text, the alternative part of the e-mail: the same papers, links written out. */
export function digestText(model: DigestModel): string {
  const papers = model.papers.map((paper, i) => `${i + 1}. ${paper.title}\n   ${paper.byline}\n   ${paper.url}\n\n   ${paper.excerpt}\n`);
  const lines = [
    `${siteInfo.title} · ${model.heading}`,
    `${model.summary}: ${model.dayUrl}`,
    '',
    ...papers,
    ...(model.more > 0 ? [`${model.more} more ${model.more === 1 ? 'paper' : 'papers'} of the day: ${model.dayUrl}`, ''] : []),
    '-- ',
    `Follow the papers in a feed reader: ${model.feeds.map((feed) => `${feed.name} ${feed.url}`).join(' · ')}`,
    `This digest in a browser: ${model.webUrl}`,
  ];
  return `${lines.join('\n')}\n`;
}
