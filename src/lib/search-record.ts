import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import type { SearchFields } from './search-fields.ts';

/**
 * How a paper page carries what the search index records of it (its filter values and result
 * metadata) to the indexer: as one JSON data block in the page, which the indexer turns into the
 * hidden elements Pagefind reads (`data-pagefind-filter`, `data-pagefind-meta`) before it reads
 * the page (src/integrations/shard-bundles.ts). Written out as those elements, a page carried
 * twice the bytes (a tag a value) on every paper page, for no reader (docs/performance.md).
 */

/** The data block in a page: a JSON script, which no browser runs and the CSP need not allow. */
const RECORD_BLOCK = /<script type="application\/json" data-search-record>(.*?)<\/script>/s;

/** The JSON of the data block, without the filters a paper has no value of, and `<` escaped so that no value can close the script. */
export function searchRecordJson({ filters, meta }: SearchFields): string {
  const given = Object.fromEntries(Object.entries(filters).filter(([, values]) => values.length > 0));
  return JSON.stringify({ filters: given, meta }).replace(/</g, '\\u003c');
}

/** The page's data block, written out as the elements Pagefind reads (escaped by hast); the page as it was if it has none. */
export function expandSearchRecord(html: string): string {
  const found = RECORD_BLOCK.exec(html);
  if (!found) return html;
  const { filters, meta } = JSON.parse(found[1]) as { filters: Partial<SearchFields['filters']>; meta: SearchFields['meta'] };
  const spans = (attribute: string, entries: [string, string | string[] | undefined][]) =>
    entries.flatMap(([key, values]) => [values ?? []].flat().map((value) => h('span', { [attribute]: key }, value)));
  const hidden = h('div', { hidden: true, dataPagefindIgnore: true }, [
    ...spans('data-pagefind-filter', Object.entries(filters)),
    ...spans('data-pagefind-meta', Object.entries(meta)),
  ]);
  return html.slice(0, found.index) + toHtml(hidden) + html.slice(found.index + found[0].length);
}
