import { hfDailyItemSchema } from '../../schema/hugging-face.ts';
import { hfPaperDraft } from './hf-paper.ts';
import { readJson } from './json.ts';
import { parseAt, type SourceFormat } from './source-record.ts';

/**
 * The Hugging Face daily-papers API: one JSON array of items per day, each a paper plus the
 * list's own fields.
 *
 * Title: the item's top-level `title` wins over `paper.title` when both exist. The top-level one
 * is the title as arXiv spells it, LaTeX included (`$\text{Transformer}^2$: Self-adaptive
 * LLMs`); `paper.title` is a lossy plain-text copy (`Transformer^2: ...`). Keeping arXiv's
 * spelling makes records from Hugging Face and from arXiv agree, and the site renders the LaTeX.
 */
export const hfDaily: SourceFormat = {
  name: 'hf-daily',
  read: readJson,
  toDraft(record, { fileDay }) {
    const item = parseAt(record, hfDailyItemSchema, record.value);
    if (Array.isArray(item)) return item;
    const draft = hfPaperDraft(record, item.paper, ['paper'], fileDay);
    const organization = item.organization ?? item.paper.organization;
    Object.assign(draft.fields, {
      title: item.title ?? item.paper.title,
      comments: item.numComments ?? item.paper.numComments,
      organization: organization && { name: organization.name, fullname: organization.fullname, avatar: organization.avatar },
      submittedBy: item.submittedBy && { name: item.submittedBy.name, fullname: item.submittedBy.fullname },
      thumbnail: item.thumbnail,
      media: item.mediaUrls ?? item.paper.mediaUrls,
    });
    Object.assign(draft.origins, {
      title: item.title ? ['title'] : ['paper', 'title'],
      comments: ['numComments'],
      organization: item.organization ? ['organization'] : ['paper', 'organization'],
      submittedBy: ['submittedBy'],
      thumbnail: ['thumbnail'],
      media: item.mediaUrls ? ['mediaUrls'] : ['paper', 'mediaUrls'],
    });
    return { ...draft, source: 'hf-daily' };
  },
};
