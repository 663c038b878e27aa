import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { arxivFileName, normalizeIds } from '../src/fetch/arxiv.ts';
import { exitCode, EXIT, fetchArxivRequest, type FetchRun } from '../src/fetch/run.ts';
import { ingest } from '../src/ingest/run.ts';
import { dayInFileName } from '../src/lib/dates.ts';
import { fetchSettingsSchema } from '../src/schema/settings.ts';
import { fakeClock } from './support/fake-clock.ts';
import { ARXIV_PATH, arxivApi, arxivListingPapers, atomErrorFeed, atomFeed } from './support/recorded-apis.ts';
import { startReplayServer, type ReplayServer } from './support/replay-server.ts';

/** A real listing day, small enough for a few pages (its papers counted once each). */
const papers = arxivListingPapers('2026-06-25');
const QUERY = 'cat:cs.CL AND submittedDate:[202606240000 TO 202606250000]';

describe('fetching from the arXiv API', () => {
  let server: ReplayServer;
  let clock: ReturnType<typeof fakeClock>;
  let outDir: string;
  let logged: string[];
  const run = (options: Partial<FetchRun> = {}): FetchRun => ({
    settings: fetchSettingsSchema.parse({ ARXIV_API_URL: `${server.origin}${ARXIV_PATH}`, FETCH_RETRIES: '4' }),
    outDir,
    report: () => {},
    log: (line) => logged.push(line),
    clock,
    ...options,
  });
  const every = () => true;

  beforeEach(async () => {
    clock = fakeClock();
    server = await startReplayServer(arxivApi(papers), { onRequest: () => clock.now() });
    outDir = mkdtempSync(join(tmpdir(), 'fetch-arxiv-'));
    logged = [];
  });
  afterEach(async () => {
    await server.close();
    rmSync(outDir, { recursive: true, force: true });
  });

  it('pages a query with start and max_results, and saves each page as it came, in files ingest reads', async () => {
    const pageSize = Math.ceil(papers.length / 3);
    const outcome = await fetchArxivRequest(run({ arxivPageSize: pageSize }), { query: QUERY });
    expect(exitCode(outcome)).toBe(EXIT.updated);
    const pages = Math.ceil(papers.length / pageSize);
    expect(server.requests.map((request) => [request.url.searchParams.get('search_query'), request.url.searchParams.get('start')])).toEqual(
      Array.from({ length: pages }, (_, page) => [QUERY, String(page * pageSize)]),
    );
    const name = arxivFileName({ query: QUERY });
    const files = Array.from({ length: pages }, (_, page) => `${name}${page === 0 ? '' : `.p${page + 1}`}.xml`);
    expect(readdirSync(outDir).sort()).toEqual([...files].sort());
    files.forEach((file, page) => expect(readFileSync(join(outDir, file), 'utf8')).toBe(server.requests[page].body));

    const summary = ingest({ inputs: [outDir], outDir: join(outDir, 'papers') });
    expect(summary).toMatchObject({ errors: 0, written: papers.length });
  });

  it('stops a query at --max results', async () => {
    const max = Math.floor(papers.length / 2);
    await fetchArxivRequest(run({ arxivPageSize: max }), { query: QUERY }, { max });
    expect(server.requests.map((request) => request.url.searchParams.get('max_results'))).toEqual([String(max)]);
  });

  it('fetches a list of ids in one call that asks for all of them', async () => {
    const wanted = normalizeIds([papers.slice(0, 5).map((paper) => paper.id).join(',')]);
    if (!('ids' in wanted)) throw new Error('ids refused');
    await fetchArxivRequest(run(), wanted);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0].url.searchParams.get('id_list')?.split(',')).toEqual(wanted.ids);
    expect(server.requests[0].url.searchParams.get('max_results')).toBe(String(wanted.ids.length));
    expect(readdirSync(outDir)).toEqual([`${arxivFileName(wanted)}.xml`]);
  });

  it('waits at least 3 s between calls, retries included', async () => {
    server.inject(every, { status: 503, headers: { 'content-type': 'text/plain' }, body: 'Rate exceeded.' }, { status: 200, headers: { 'content-type': 'text/plain' }, body: 'Rate exceeded.' });
    await fetchArxivRequest(run({ arxivPageSize: Math.ceil(papers.length / 2), random: () => 0.01 }), { query: QUERY });
    const times = server.requests.map((request) => request.note as number);
    expect(times.length).toBeGreaterThanOrEqual(4);
    for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(3000);
  });

  it('really spaces its calls by the minimum it is given', async () => {
    const spacing = 250;
    await fetchArxivRequest(run({ clock: undefined, arxivSpacingMs: spacing, arxivPageSize: Math.ceil(papers.length / 3) }), { query: QUERY });
    const times = server.requests.map((request) => request.at);
    expect(times).toHaveLength(3);
    // A timer may fire a millisecond early by the server's clock.
    for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(spacing - 1);
  });

  it('retries arXiv’s plain-text "Rate exceeded", and saves the feed that follows', async () => {
    server.inject(every, { status: 200, headers: { 'content-type': 'text/plain' }, body: 'Rate exceeded.\n' });
    const outcome = await fetchArxivRequest(run(), { query: QUERY });
    expect(exitCode(outcome)).toBe(EXIT.updated);
    expect(server.requests).toHaveLength(2);
    expect(logged).toEqual([expect.stringMatching(/: arXiv says: Rate exceeded; retry 1 of 4 in /)]);
  });

  it('saves nothing for a query without results, and calls that nothing new', async () => {
    server.inject(every, { headers: { 'content-type': 'application/atom+xml' }, body: atomFeed([], { total: 0, start: 0 }) });
    expect(exitCode(await fetchArxivRequest(run(), { query: 'ti:nothing' }))).toBe(EXIT.nothingNew);
    expect(readdirSync(outDir)).toEqual([]);
  });

  it('fails at once on an Error entry served with HTTP 200, with arXiv’s message, and saves nothing', async () => {
    server.inject(every, { status: 200, headers: { 'content-type': 'application/atom+xml' }, body: atomErrorFeed('incorrect id format for 1234.56789') });
    const outcome = await fetchArxivRequest(run(), { ids: ['1234.56789'] });
    expect(exitCode(outcome)).toBe(EXIT.failed);
    expect(server.requests).toHaveLength(1);
    expect(logged.at(-1)).toBe(`${arxivFileName({ ids: ['1234.56789'] })}: failed: arXiv answered with an error: incorrect id format for 1234.56789`);
    expect(readdirSync(outDir)).toEqual([]);
  });

  it('never saves an HTML page or XML cut short, whatever the status', async () => {
    server.inject(
      every,
      { status: 200, headers: { 'content-type': 'text/html' }, body: '<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>' },
      { status: 200, headers: { 'content-type': 'application/atom+xml' }, body: '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/abs/2606.1' },
    );
    const outcome = await fetchArxivRequest(run({ settings: { ...run().settings, FETCH_RETRIES: 1 } }), { query: QUERY });
    expect(exitCode(outcome)).toBe(EXIT.failed);
    expect(logged[0]).toMatch(/not an Atom feed: expected an Atom <feed>/);
    expect(logged[1]).toMatch(/not an Atom feed: invalid XML/);
    expect(readdirSync(outDir)).toEqual([]);
  });
});

describe('the file name of an arXiv request', () => {
  it('is stable, tells requests apart, and reads as the request', () => {
    expect(arxivFileName({ query: 'ti:agents' })).toBe(arxivFileName({ query: 'ti:agents' }));
    expect(arxivFileName({ query: 'ti:agents' })).not.toBe(arxivFileName({ query: 'ti:Agents' }));
    expect(arxivFileName({ query: 'ti:agents' })).toMatch(/^query-ti-agents-[0-9a-f]{8}$/);
    expect(arxivFileName({ ids: ['2606.01234', 'hep-th/9901001'] })).toMatch(/^ids-2606-01234-hep-th-9901001-[0-9a-f]{8}$/);
  });

  it('is short, and never holds a date ingest would take for the list day', () => {
    const name = arxivFileName({ query: `all:"${'long words '.repeat(30)}" AND submitted 2026-06-17` });
    expect(name.length).toBeLessThanOrEqual('query-'.length + 60 + 9);
    expect(dayInFileName(`${arxivFileName({ query: 'listed on 2026-06-17' })}.xml`)).toBeUndefined();
  });

  it('is the same for the same ids in any order or form', () => {
    expect(normalizeIds(['2606.01234v2, arXiv:2606.00001', '2606.01234v2'])).toEqual({ ids: ['2606.00001', '2606.01234v2'] });
    expect(normalizeIds(['2606.01234', 'not-an-id'])).toEqual({ bad: 'not-an-id' });
  });
});
