import { formatSearchState, isEmptySearch, parseSearchState, searchFilterKeys, type SearchFilterKey, type SearchSortKey, type SearchState } from '../lib/search-keys.ts';
import { sortResults, type SortTable } from '../lib/search-sorts.ts';
import { pagesWithWord, queryWords, withEveryWord, wordProbes } from '../lib/search-words.ts';
import { excerptParts, type ExcerptSource } from '../lib/search-excerpt.ts';
import { describeResults } from './search-status.ts';

/** The subset of Pagefind's browser API this element uses. */
interface PagefindResultData extends ExcerptSource {
  url: string;
  /** The URL as indexed, before Pagefind adds the site's base. */
  raw_url: string;
  meta: Record<string, string | undefined>;
}
interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindResultData>;
}
interface PagefindInstance {
  init(): Promise<void>;
  mergeIndex(basePath: string): Promise<void>;
  search(query: string | null, options: { filters?: Record<string, string> }): Promise<{ results: PagefindResult[] } | null>;
}
interface PagefindModule extends PagefindInstance {
  createInstance(options: { basePath: string }): PagefindInstance;
}

/** Results shown at first, and added by each "Show more". */
const PAGE_SIZE = 10;
/**
 * How long the newest papers' results stay before the archive is searched: a reader still typing
 * has typed the next key by then, and the archive's search (the heaviest) is left to their pause.
 */
const ARCHIVE_PAUSE_MS = 250;

const dayFormat = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });

/**
 * `<paper-search>`: runs the form's search against the Pagefind index as the reader types or
 * changes a filter or the sort, and mirrors the whole search in the URL, so it can be shared and
 * reopened. The form's controls are the state; the URL is written from them and read into them.
 *
 * The index comes in shards (src/lib/search-shards.ts), searched in two phases: the newest
 * shard, whose results show as soon as they are found, then every shard, merged by score. A
 * small site has one shard and one phase.
 */
export class PaperSearchElement extends HTMLElement {
  /** Each phase's shard bundles, newest first (the page lists them in `data-shards`). */
  #bundles: string[][] = [];
  #phases: (Promise<PagefindInstance> | undefined)[] = [];
  #sorts?: Promise<SortTable>;
  /** The archive's pages that have each word of the query, by word and filters: typing a second word asks for the first again. */
  #pagesWithWord = new Map<string, Promise<Set<string>>>();
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
    this.#bundles = JSON.parse(this.dataset.shards!) as string[][];
    this.#form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.#run();
    });
    this.#form.addEventListener('input', () => void this.#run());
    this.#more.addEventListener('click', () => void this.#showMore());
    window.addEventListener('popstate', () => this.#restore());
    this.#restore(true);
    // The reader came here to search: fetch the newest papers' index while they type the first
    // word. Then search it for no words: that fetches nothing more, but runs Pagefind's worker and
    // WebAssembly once, and the reader's first search takes half as long (docs/performance.md).
    void this.#phase(0)
      ?.then(async (pagefind) => {
        await pagefind.init();
        if (isEmptySearch(this.#state())) await pagefind.search(null, {});
      })
      .catch(() => {});
  }

  /** Sets the controls from the URL, then runs what it describes (and what was typed before the page was ready). */
  #restore(onConnect = false): void {
    const state = parseSearchState(location.search);
    // Words typed before this script ran are the reader's, and the URL has none yet: keep them.
    if (!(onConnect && !state.query && this.#input.value)) this.#input.value = state.query;
    for (const control of this.#filterControls()) {
      const key = control.dataset.filter as SearchFilterKey;
      if (control instanceof HTMLInputElement) control.checked = state.filters[key] === control.value;
      else control.value = [...control.options].some((option) => option.value === state.filters[key]) ? state.filters[key]! : '';
    }
    this.#sortControl().value = state.sort ?? '';
    void this.#run();
  }

  /**
   * How the form names each chosen filter value (a topic by its label, not its slug): the
   * chosen option's text without its count of papers.
   */
  #chosenLabels(): Partial<Record<SearchFilterKey, string>> {
    const selects = this.#filterControls().filter((control) => control instanceof HTMLSelectElement && control.value !== '');
    return Object.fromEntries(selects.map((select) => [select.dataset.filter, (select as HTMLSelectElement).selectedOptions[0].text.replace(/ \([\d,]+\)$/, '')]));
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

  /**
   * The Pagefind instance of a phase, over its shards' bundles (newest first), or undefined when
   * the site has no such phase. Pagefind's script comes from the newest shard's bundle, and each
   * phase is an instance of it over that shard, the second with the older shards merged in: so
   * both load the same WebAssembly file, and the second finds the newest shard's files cached.
   */
  #phase(phase: 0 | 1): Promise<PagefindInstance> | undefined {
    const bundles = this.#bundles[phase];
    if (!bundles?.length) return undefined;
    let instance = this.#phases[phase];
    if (!instance) {
      this.#phases[phase] = instance = (async () => {
        const module = (await import(/* @vite-ignore */ `${this.#bundles[0][0]}pagefind.js`)) as PagefindModule;
        const pagefind = phase === 0 ? module : module.createInstance({ basePath: bundles[0] });
        await Promise.all(bundles.slice(1).map((bundle) => pagefind.mergeIndex(bundle)));
        return pagefind;
      })();
      instance.catch(() => (this.#phases[phase] = undefined)); // let a later search try again
    }
    return instance;
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
      this.#show([], '', false, true);
      return;
    }
    // Without a query there is no relevance to rank by: newest first, unless a sort is chosen.
    const sort = state.sort ?? (state.query.trim() ? undefined : 'date');
    const query = state.query.trim() || null;
    const filters = Object.fromEntries(searchFilterKeys.filter((key) => state.filters[key]).map((key) => [key, state.filters[key]!]));
    const table = sort ? this.#loadSorts() : undefined;
    const withExcerpts = query !== null;
    try {
      // The newest papers first, on screen as soon as they are found...
      let results = await this.#searchPhase(0, query, filters);
      if (ticket !== this.#latest) return;
      // The archive's instance is made only now: its WebAssembly and metadata would otherwise
      // queue in Pagefind's worker ahead of the first results' fragments.
      if (this.#bundles[1]?.length) {
        const shown = await this.#resultsInOrder(results, sort, table);
        if (ticket !== this.#latest) return;
        await this.#showFirst(shown, `Showing the newest matches${query ? ` for “${query}”` : ''} while the archive is searched…`, withExcerpts, false, ticket);
        await new Promise((resolve) => setTimeout(resolve, ARCHIVE_PAUSE_MS));
        if (ticket !== this.#latest) return;
        // ...then every shard, ranked together, each word required wherever it is found.
        const words = queryWords(query);
        this.#forgetWordsBut(words, filters);
        const [found, withWords] = await Promise.all([this.#searchPhase(1, query, filters), Promise.all(words.map((word) => this.#archivePagesWith(word, filters)))]);
        results = withEveryWord(found, withWords);
      }
      const ordered = await this.#resultsInOrder(results, sort, table);
      if (ticket !== this.#latest) return;
      await this.#showFirst(ordered, describeResults(state, results.length, sort, this.#chosenLabels()), withExcerpts, true, ticket);
    } catch {
      if (ticket === this.#latest) this.#show([], 'Search is unavailable: the search index could not be loaded.', false, true);
    }
  }

  /** The ids of the archive's pages that have `word` (src/lib/search-words.ts), asked once per word and filters. */
  #archivePagesWith(word: string, filters: Record<string, string>): Promise<Set<string>> {
    const key = wordKey(word, filters);
    let pages = this.#pagesWithWord.get(key);
    if (!pages) {
      const ids = async (terms: string) => new Set((await this.#searchPhase(1, terms, filters)).map((page) => page.id));
      this.#pagesWithWord.set(key, (pages = Promise.all(wordProbes(word).map(ids)).then(pagesWithWord)));
      pages.catch(() => this.#pagesWithWord.delete(key)); // let a later search try again
    }
    return pages;
  }

  /** Keeps only the answers this query's words use: each prefix typed on the way would hold its pages' ids. */
  #forgetWordsBut(words: readonly string[], filters: Record<string, string>): void {
    const kept = new Set(words.map((word) => wordKey(word, filters)));
    for (const key of this.#pagesWithWord.keys()) if (!kept.has(key)) this.#pagesWithWord.delete(key);
  }

  async #searchPhase(phase: 0 | 1, query: string | null, filters: Record<string, string>): Promise<PagefindResult[]> {
    const pagefind = this.#phase(phase);
    const found = pagefind && (await (await pagefind).search(query, { filters }));
    return found?.results ?? [];
  }

  /** Results in the chosen sort; a result whose Pagefind id two shards share is told apart by its URL. */
  async #resultsInOrder(results: PagefindResult[], sort: SearchSortKey | undefined, table: Promise<SortTable> | undefined): Promise<PagefindResult[]> {
    if (!sort || !table) return results;
    const sorts = await table;
    const shared = new Set(sorts.shared);
    const urls = new Map(await Promise.all(results.filter((result) => shared.has(result.id)).map(async (result) => [result, (await result.data()).raw_url] as const)));
    return sortResults(results, (result) => ({ id: result.id, url: urls.get(result) }), sorts, sort);
  }

  /**
   * Shows the first results (as many as are on show already, when the archive's results replace
   * the newest papers' ones) and keeps the rest for "Show more".
   */
  async #showFirst(results: PagefindResult[], status: string, withExcerpts: boolean, complete: boolean, ticket: number): Promise<void> {
    const count = Math.max(PAGE_SIZE, complete ? this.#results.childElementCount : 0);
    const data = await Promise.all(results.slice(0, count).map((result) => result.data()));
    if (ticket !== this.#latest) return;
    this.#pending = results.slice(count);
    this.#show(data, status, withExcerpts, complete);
  }

  #show(data: PagefindResultData[], status: string, withExcerpts: boolean, complete: boolean): void {
    this.#showingQuery = withExcerpts;
    this.#status.textContent = status;
    // Keep the reader's place when the archive's results replace the newest papers' ones.
    const focused = this.#results.contains(document.activeElement) ? (document.activeElement as HTMLAnchorElement).href : undefined;
    this.#results.replaceChildren(...data.map((result) => renderResult(result, withExcerpts)));
    if (focused) [...this.#results.querySelectorAll('a')].find((link) => link.href === focused)?.focus();
    this.#results.parentElement!.ariaBusy = complete ? 'false' : 'true';
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

function wordKey(word: string, filters: Record<string, string>): string {
  return JSON.stringify([word, filters]);
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

  if (withExcerpt) {
    const excerpt = item.appendChild(document.createElement('p'));
    excerpt.className = 'search-result-excerpt';
    // From the summary and abstract only, never the author list (src/lib/search-excerpt.ts); as text, hits in <mark>.
    for (const part of excerptParts(result)) {
      if (!part.hit) excerpt.append(part.text);
      else excerpt.appendChild(document.createElement('mark')).textContent = part.text;
    }
  }
  return item;
}
