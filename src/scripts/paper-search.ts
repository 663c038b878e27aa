/** The subset of Pagefind's browser API this element uses. */
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
interface PagefindApi {
  search(query: string): Promise<{ results: { data(): Promise<PagefindResultData> }[] } | null>;
}

const RESULT_LIMIT = 20;

/**
 * `<paper-search>`: runs the form's query against the Pagefind index as the reader types,
 * and mirrors it in `?q=` so the URL can be shared and reopened.
 */
export class PaperSearchElement extends HTMLElement {
  #pagefind?: Promise<PagefindApi>;
  #input!: HTMLInputElement;
  #status!: HTMLElement;
  #results!: HTMLOListElement;
  #latest = 0;

  connectedCallback(): void {
    this.#input = this.querySelector('input[type="search"]')!;
    this.#status = this.querySelector('.search-status')!;
    this.#results = this.querySelector('.search-results')!;
    this.querySelector('form')!.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.#run(this.#input.value);
    });
    this.#input.addEventListener('input', () => void this.#run(this.#input.value));
    const query = new URLSearchParams(location.search).get('q') ?? '';
    this.#input.value = query;
    if (query.trim()) void this.#run(query);
  }

  #load(): Promise<PagefindApi> {
    this.#pagefind ??= import(/* @vite-ignore */ this.dataset.pagefind!) as Promise<PagefindApi>;
    return this.#pagefind;
  }

  async #run(query: string): Promise<void> {
    const ticket = ++this.#latest;
    const url = new URL(location.href);
    if (query.trim()) url.searchParams.set('q', query);
    else url.searchParams.delete('q');
    history.replaceState(null, '', url);

    if (!query.trim()) {
      this.#results.replaceChildren();
      this.#status.textContent = '';
      return;
    }
    let found;
    try {
      found = await (await this.#load()).search(query);
    } catch {
      this.#status.textContent = 'Search is unavailable: the search index could not be loaded.';
      return;
    }
    const data = await Promise.all((found?.results ?? []).slice(0, RESULT_LIMIT).map((result) => result.data()));
    if (ticket !== this.#latest) return; // a newer query has started
    const total = found?.results.length ?? 0;
    this.#status.textContent = total === 0 ? `No papers match “${query}”.` : `${total} ${total === 1 ? 'paper matches' : 'papers match'} “${query}”${total > RESULT_LIMIT ? `; showing the first ${RESULT_LIMIT}` : ''}.`;
    this.#results.replaceChildren(...data.map(renderResult));
  }
}

function renderResult(result: PagefindResultData): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'search-result';
  const heading = item.appendChild(document.createElement('h2'));
  const link = heading.appendChild(document.createElement('a'));
  link.href = result.url;
  link.textContent = result.meta.title ?? result.url;
  const facts = [result.meta.day, result.meta.upvotes && `${result.meta.upvotes} upvotes`, result.meta.organization].filter(Boolean);
  if (facts.length) item.appendChild(document.createElement('p')).textContent = facts.join(' · ');
  item.appendChild(document.createElement('p')).append(...excerptNodes(result.excerpt));
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
