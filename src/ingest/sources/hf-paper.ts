import { utcDay } from '../../lib/dates.ts';
import { hfPaperSchema, type HfPaper } from '../../schema/hugging-face.ts';
import { readJson } from './json.ts';
import { parseAt, type Draft, type SourceFormat, type SourceRecord } from './source-record.ts';

/**
 * Maps a Hugging Face paper object to draft fields, with each field's path below `at`.
 * The list day is the UTC date of `submittedOnDailyAt`, else the day in the file name; the
 * arXiv date (`publishedAt`) is never a list day.
 */
export function hfPaperDraft(record: SourceRecord, paper: HfPaper, at: readonly PropertyKey[], fileDay: string | undefined): Draft {
  const day = paper.submittedOnDailyAt ? utcDay(paper.submittedOnDailyAt) : fileDay;
  const fields: Draft['fields'] = {
    id: paper.id,
    title: paper.title,
    authors: paper.authors.map((author) => author.name),
    days: day ? [day] : undefined,
    publishedAt: paper.publishedAt,
    upvotes: paper.upvotes,
    comments: paper.numComments,
    organization: paper.organization && { name: paper.organization.name, fullname: paper.organization.fullname, avatar: paper.organization.avatar },
    aiSummary: paper.ai_summary,
    keywords: paper.ai_keywords,
    githubRepo: paper.githubRepo,
    githubStars: paper.githubStars,
    projectPage: paper.projectPage,
    media: paper.mediaUrls,
    abstract: paper.summary,
  };
  const origins: Draft['origins'] = {
    id: [...at, 'id'], title: [...at, 'title'], authors: [...at, 'authors'], days: [...at, 'submittedOnDailyAt'],
    publishedAt: [...at, 'publishedAt'], upvotes: [...at, 'upvotes'], comments: [...at, 'numComments'],
    organization: [...at, 'organization'], aiSummary: [...at, 'ai_summary'], keywords: [...at, 'ai_keywords'],
    githubRepo: [...at, 'githubRepo'], githubStars: [...at, 'githubStars'], projectPage: [...at, 'projectPage'],
    media: [...at, 'mediaUrls'], abstract: [...at, 'summary'],
  };
  return { record, fields, origins, source: 'hf-paper' };
}

/** A single Hugging Face paper, as `/api/papers/{id}` returns it (or a JSON array of them). */
export const hfPaper: SourceFormat = {
  name: 'hf-paper',
  read: readJson,
  toDraft(record, { fileDay }) {
    const paper = parseAt(record, hfPaperSchema, record.value);
    return Array.isArray(paper) ? paper : hfPaperDraft(record, paper, [], fileDay);
  },
};
