import { formatSearchState, isEmptySearch, parseSearchState, searchFilterKeys, type SearchFilterKey, type SearchSortKey, type SearchState } from '../lib/search-keys.ts';
import { sortResults, type SortTable } from '../lib/search-sorts.ts';
import { describeResults } from './search-status.ts';

/** The subset of Pagefind's browser API this element uses. */
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
interface PagefindResult {
  id: string;
  data(): Promise<PagefindResultData>;
}
interface PagefindApi {
  init(): Promise<void>;
  search(query: string | null, options: { filters?: Record<string, string> }): Promise<{ results: PagefindResult[] } | null>;
}

/** Results shown at first, and added by each "Show more". */
const PAGE_SIZE = 10;

const dayFormat = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });

/**
 * `<paper-search>`: runs the form's search against the Pagefind index as the reader types or
 * changes a filter or the sort, and mirrors the whole search in the URL, so it can be shared and
 * reopened. The form's controls are the state; the URL is written from them and read into them.
 */
export class PaperSearchElement extends HTMLElement {
  #pagefind?: Promise<PagefindApi>;
  #sorts?: Promise<SortTable>;
  #form!: HTMLFormElement;
  #input!: HTMLInputElement;
  #status!: HTMLElement;
  #results!: HTMLOListElement;
  #more!: HTMLButtonElement;
  #hint!: HTMLElement;
  #latest = 0;
  #pending: PagefindResult[] = [];
  #showingQuery = false;

  connectedCallback(): void {
    this.#form = this.querySelector('form')!;
    this.#input = this.querySelector('input[type="search"]')!;
    this.#status = this.querySelector('.search-status')!;
    this.#results = this.querySelector('.search-results')!;
    this.#more = this.querySelector('.search-more')!;
    this.#hint = this.querySelector('.search-hint')!;
    this.#form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.#run();
    });
    this.#form.addEventListener('input', () => void this.#run());
    this.#more.addEventListener('click', () => void this.#showMore());
    window.addEventListener('popstate', () => this.#restore());
    this.#restore();
    // The reader came here to search: fetch the index while they type the first word.
    void this.#load().then((pagefind) => pagefind.init()).catch(() => {});
  }

  /** Sets the controls from the URL, then runs what it describes. */
  #restore(): void {
    const state = parseSearchState(location.search);
    this.#input.value = state.query;
    for (const control of this.#filterControls()) {
      const key = control.dataset.filter as SearchFilterKey;
      if (control instanceof HTMLInputElement) control.checked = state.filters[key] === control.value;
      else control.value = [...control.options].some((option) => option.value === state.filters[key]) ? state.filters[key]! : '';
    }
    this.#sortControl().value = state.sort ?? '';
    void this.#run();
  }

  #filterControls(): (HTMLSelectElement | HTMLInputElement)[] {
    return [...this.#form.querySelectorAll<HTMLSelectElement | HTMLInputElement>('[data-filter]')];
  }

  #sortControl(): HTMLSelectElement {
    return this.#form.querySelector('[data-sort]')!;
  }

  /** The search the controls describe; a filter the form does not offer is never in it. */
  #state(): SearchState {
    const filters: SearchState['filters'] = {};
    for (const control of this.#filterControls()) {
      const on = control instanceof HTMLInputElement ? control.checked : control.value !== '';
      if (on) filters[control.dataset.filter as SearchFilterKey] = control.value;
    }
    const sort = (this.#sortControl().value || undefined) as SearchSortKey | undefined;
    return { query: this.#input.value, filters, ...(sort && { sort }) };
  }

  #load(): Promise<PagefindApi> {
    this.#pagefind ??= import(/* @vite-ignore */ this.dataset.pagefind!) as Promise<PagefindApi>;
    return this.#pagefind;
  }

  /** The sort table, fetched the first time a search is sorted. */
  #loadSorts(): Promise<SortTable> {
    this.#sorts ??= fetch(this.dataset.sorts!).then((response) => {
      if (!response.ok) throw new Error(`sort table: HTTP ${response.status}`);
      return response.json() as Promise<SortTable>;
    });
    this.#sorts.catch(() => (this.#sorts = undefined)); // let a later search try again
    return this.#sorts;
  }

  async #run(): Promise<void> {
    const ticket = ++this.#latest;
    const state = this.#state();
    const url = new URL(location.href);
    url.search = formatSearchState(state);
    if (url.href !== location.href) history.replaceState(null, '', url);

    this.#hint.hidden = !isEmptySearch(state);
    if (isEmptySearch(state)) {
      this.#show([], '', false);
      return;
    }
    // Without a query there is no relevance to rank by: newest first, unless a sort is chosen.
    const sort = state.sort ?? (state.query.trim() ? undefined : 'date');
    const filters = Object.fromEntries(searchFilterKeys.filter((key) => state.filters[key]).map((key) => [key, state.filters[key]!]));
    let results: PagefindResult[];
    try {
      const [found, table] = await Promise.all([(await this.#load()).search(state.query.trim() || null, { filters }), sort && this.#loadSorts()]);
      results = found?.results ?? [];
      if (sort && table) results = sortResults(results, table, sort);
    } catch {
      if (ticket === this.#latest) this.#show([], 'Search is unavailable: the search index could not be loaded.', false);
      return;
    }
    if (ticket !== this.#latest) return; // a newer search has started
    const first = await Promise.all(results.slice(0, PAGE_SIZE).map((result) => result.data()));
    if (ticket !== this.#latest) return;
    this.#pending = results.slice(PAGE_SIZE);
    this.#show(first, describeResults(state, results.length, sort), state.query.trim() !== '');
  }

  #show(data: PagefindResultData[], status: string, withExcerpts: boolean): void {
    this.#showingQuery = withExcerpts;
    this.#status.textContent = status;
    this.#results.replaceChildren(...data.map((result) => renderResult(result, withExcerpts)));
    this.#more.hidden = this.#pending.length === 0 || data.length === 0;
  }

  async #showMore(): Promise<void> {
    const ticket = this.#latest;
    const next = this.#pending.slice(0, PAGE_SIZE);
    const data = await Promise.all(next.map((result) => result.data()));
    if (ticket !== this.#latest) return;
    this.#pending = this.#pending.slice(PAGE_SIZE);
    const items = data.map((result) => renderResult(result, this.#showingQuery));
    this.#results.append(...items);
    this.#more.hidden = this.#pending.length === 0;
    // Keep the reader's place: move to the first of the results just added.
    items[0]?.querySelector('a')?.focus();
  }
}

function renderResult(result: PagefindResultData, withExcerpt: boolean): HTMLLIElement {
  const { meta } = result;
  const item = document.createElement('li');
  item.className = 'search-result';
  const heading = item.appendChild(document.createElement('h3'));
  const link = heading.appendChild(document.createElement('a'));
  link.href = result.url;
  link.textContent = meta.title ?? result.url;

  const facts: (string | Node)[] = [];
  if (meta.day) {
    const time = document.createElement('time');
    time.dateTime = meta.day;
    time.textContent = dayFormat.format(new Date(`${meta.day}T00:00:00Z`));
    facts.push(time);
  }
  if (meta.upvotes) facts.push(`${meta.upvotes} ${meta.upvotes === '1' ? 'upvote' : 'upvotes'}`);
  if (meta.organization) facts.push(meta.organization);
  if (meta.first_author) facts.push(Number(meta.author_count) > 1 ? `${meta.first_author} et al.` : meta.first_author);
  if (meta.stars && meta.stars !== '0') facts.push(`${meta.stars} GitHub ${meta.stars === '1' ? 'star' : 'stars'}`);
  const factLine = item.appendChild(document.createElement('p'));
  factLine.className = 'search-result-facts';
  facts.forEach((fact, i) => factLine.append(...(i > 0 ? [' · ', fact] : [fact])));

  if (withExcerpt && result.excerpt) {
    const excerpt = item.appendChild(document.createElement('p'));
    excerpt.className = 'search-result-excerpt';
    excerpt.append(...excerptNodes(result.excerpt));
  }
  return item;
}

/** Pagefind's excerpt is HTML with <mark> around hits; keep the marks, and only as text. */
function excerptNodes(excerpt: string): Node[] {
  const parsed = new DOMParser().parseFromString(excerpt, 'text/html').body;
  return [...parsed.childNodes].map((node) => {
    if (node.nodeName !== 'MARK') return document.createTextNode(node.textContent ?? '');
    const mark = document.createElement('mark');
    mark.textContent = node.textContent;
    return mark;
  });
}
