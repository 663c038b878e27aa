import { getSiteIndex } from '../../../lib/collection.ts';
import { paths } from '../../../lib/paths.ts';
import { redirectRoute } from '../../../lib/redirect-page.ts';

/**
 * The old page of a spelling now merged into another topic (`/topics/large-language-models/` ->
 * `/topics/large-language-model/`, src/lib/topics.ts): a page that leads there, so links to it
 * keep working on any static host.
 */
const route = redirectRoute('topic', async () => [...(await getSiteIndex()).topicRedirects].map(([from, { slug, label }]) => ({ from, title: `Papers on ${label}`, to: paths.topic(slug) })));
export const { getStaticPaths, GET } = route;
