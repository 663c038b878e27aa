import { arxivListingLineSchema } from '../../schema/arxiv.ts';
import { readJsonLines } from './json.ts';
import { parseAt, sameNameOrigins, type SourceFormat } from './source-record.ts';

/**
 * An arXiv listing day in JSON Lines (`shared/data/arxiv-daily-listing`). The list day is the
 * day in the file name. The first category is the primary one. Cross-listed repeats merge into
 * one paper like any other repeat.
 */
export const arxivListing: SourceFormat = {
  name: 'arxiv-listing',
  read: readJsonLines,
  toDraft(record, { fileDay }) {
    const line = parseAt(record, arxivListingLineSchema, record.value);
    if (Array.isArray(line)) return line;
    return {
      record,
      source: 'arxiv-listing',
      fields: {
        id: line.id,
        title: line.title,
        authors: line.authors,
        days: fileDay ? [fileDay] : undefined,
        categories: line.categories,
        primaryCategory: line.categories?.[0],
        comment: line.comment ?? undefined,
        abstract: line.summary,
      },
      origins: { ...sameNameOrigins(['id', 'title', 'authors', 'categories', 'comment']), primaryCategory: ['categories', 0], days: [], abstract: ['summary'] },
    };
  },
};
