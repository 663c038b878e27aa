import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exitCode, EXIT, fetchHfDays, type FetchRun } from '../src/fetch/run.ts';
import { ingest } from '../src/ingest/run.ts';
import { fetchSettingsSchema } from '../src/schema/settings.ts';
import { fakeClock } from './support/fake-clock.ts';
import { HF_PATH, hfDailyApi, hfDayItems } from './support/recorded-apis.ts';
import { requestTo, startReplayServer, type ReplayServer } from './support/replay-server.ts';

/** Real days: a long one (to page through) and an ordinary one. */
const LONG_DAY = '2026-05-13';
const DAY = '2026-06-24';

const idsOf = (items: readonly { paper: { id: string } }[]) => items.map((item) => item.paper.id);
const savedItems = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as { paper: { id: string; upvotes?: number } }[];

describe('fetching Hugging Face days', () => {
  let server: ReplayServer;
  let days: Map<string, unknown[]>;
  let outDir: string;
  let reported: string[];
  let logged: string[];
  const run = (options: Partial<FetchRun> = {}): FetchRun => ({
    settings: fetchSettingsSchema.parse({ HF_API_URL: `${server.origin}${HF_PATH}`, FETCH_RETRIES: '4' }),
    outDir,
    report: (line) => reported.push(line),
    log: (line) => logged.push(line),
    clock: fakeClock(),
    ...options,
  });
  const dayFile = (day: string) => join(outDir, `${day}.json`);
  const requestsFor = (day: string) => server.requests.filter((request) => request.url.searchParams.get('date') === day);

  beforeEach(async () => {
    days = new Map();
    server = await startReplayServer(hfDailyApi(days));
    outDir = mkdtempSync(join(tmpdir(), 'fetch-hf-'));
    reported = [];
    logged = [];
  });
  afterEach(async () => {
    await server.close();
    rmSync(outDir, { recursive: true, force: true });
  });

  it('saves a day that fits in one page byte for byte as the API sent it', async () => {
    days.set(DAY, hfDayItems(DAY));
    const outcome = await fetchHfDays(run(), [DAY]);
    expect(exitCode(outcome)).toBe(EXIT.updated);
    expect(requestsFor(DAY)).toHaveLength(1);
    expect(readFileSync(dayFile(DAY), 'utf8')).toBe(requestsFor(DAY)[0].body);
    expect(reported).toEqual([`${DAY}: ${days.get(DAY)!.length} papers in 1 request: new ${dayFile(DAY)}`]);
  });

  it('pages through a long day with p and limit until a short page, and saves every page’s items as one array', async () => {
    const items = hfDayItems(LONG_DAY);
    days.set(LONG_DAY, items);
    const limit = Math.ceil(items.length / 3);
    await fetchHfDays(run({ hfPageSize: limit }), [LONG_DAY]);
    const requests = requestsFor(LONG_DAY);
    expect(requests.map((request) => [request.url.searchParams.get('p'), request.url.searchParams.get('limit')])).toEqual(
      Array.from({ length: Math.floor(items.length / limit) + 1 }, (_, page) => [String(page), String(limit)]),
    );
    // Each page's items, byte for byte, in one array: the concatenation of what was sent.
    const pages = requests.map((request) => JSON.parse(request.body!) as unknown[]);
    expect(readFileSync(dayFile(LONG_DAY), 'utf8')).toBe(JSON.stringify(pages.flat()));
    expect(savedItems(dayFile(LONG_DAY))).toEqual(items);
  });

  it('asks for one more page when the last one was full, and stops at the empty one', async () => {
    const items = hfDayItems(LONG_DAY).slice(0, 20);
    days.set(LONG_DAY, items);
    await fetchHfDays(run({ hfPageSize: items.length / 2 }), [LONG_DAY]);
    expect(requestsFor(LONG_DAY).map((request) => JSON.parse(request.body!).length)).toEqual([items.length / 2, items.length / 2, 0]);
    expect(idsOf(savedItems(dayFile(LONG_DAY)))).toEqual(idsOf(items));
  });

  it('keeps each paper once when the list shifts between pages and one comes again', async () => {
    const items = hfDayItems(LONG_DAY).slice(0, 10);
    days.set(LONG_DAY, items);
    const limit = items.length / 2;
    // The second page starts with the last paper of the first: it moved down a place meanwhile.
    server.inject(requestTo(HF_PATH, { date: LONG_DAY, p: '1' }), { body: JSON.stringify(items.slice(limit - 1, limit * 2 - 1)) });
    await fetchHfDays(run({ hfPageSize: limit }), [LONG_DAY]);
    expect(idsOf(savedItems(dayFile(LONG_DAY)))).toEqual(idsOf(items.slice(0, limit * 2 - 1)));
  });

  it('saves nothing for an empty day, and calls that nothing new', async () => {
    const outcome = await fetchHfDays(run(), ['2026-06-20']);
    expect(exitCode(outcome)).toBe(EXIT.nothingNew);
    expect(readdirSync(outDir)).toEqual([]);
    expect(reported).toEqual(['2026-06-20: 0 papers in 1 request: nothing saved']);
  });

  it('never saves an HTML page served with 200, a body cut short or truncated JSON, and saves the good answer that follows', async () => {
    days.set(DAY, hfDayItems(DAY));
    const body = JSON.stringify(days.get(DAY));
    server.inject(
      requestTo(HF_PATH, { date: DAY }),
      { status: 200, headers: { 'content-type': 'text/html' }, body: '<!doctype html><title>502 Bad Gateway</title><h1>Bad Gateway</h1>' },
      { fault: 'content-length', body, bytes: body.length >> 1 },
      { fault: 'destroy', body, bytes: body.length >> 2 },
      { status: 200, body: body.slice(0, -300) },
    );
    await fetchHfDays(run(), [DAY]);
    expect(requestsFor(DAY)).toHaveLength(5);
    expect(logged.map((line) => line.replace(/^GET \S+: /, '').replace(/; retry.*/, ''))).toEqual([
      'an HTML page, not JSON',
      expect.stringMatching(/^network error/),
      expect.stringMatching(/^network error/),
      expect.stringMatching(/^not whole JSON/),
    ]);
    expect(readFileSync(dayFile(DAY), 'utf8')).toBe(requestsFor(DAY).at(-1)!.body);
  });

  it('saves nothing when every attempt is bad, and reports the day as failed', async () => {
    days.set(DAY, hfDayItems(DAY));
    server.inject(requestTo(HF_PATH, { date: DAY }), ...Array.from({ length: 3 }, () => ({ body: '{"error":"Sorry, we are down"}' })));
    const outcome = await fetchHfDays(run({ settings: { ...run().settings, FETCH_RETRIES: 2 } }), [DAY, LONG_DAY]);
    expect(outcome.failed).toBe(1);
    expect(exitCode(outcome)).toBe(EXIT.failed);
    expect(existsSync(dayFile(DAY))).toBe(false);
    expect(logged.at(-1)).toBe(`${DAY}: failed: not a list of daily papers: the body: Invalid input: expected array, received object`);
    expect(requestsFor(LONG_DAY)).toHaveLength(1);
  });

  it('refuses an answer nested 20,000 levels deep as a failed day, without a retry or a stack overflow', async () => {
    days.set(DAY, hfDayItems(DAY));
    const deep = `[{"paper":{"id":"2606.00001","extra":${'['.repeat(20_000)}${']'.repeat(20_000)}}}]`;
    server.inject(requestTo(HF_PATH, { date: DAY }), { body: deep });
    const outcome = await fetchHfDays(run(), [DAY, LONG_DAY]);
    expect(outcome.failed).toBe(1);
    expect(requestsFor(DAY)).toHaveLength(1);
    expect(existsSync(dayFile(DAY))).toBe(false);
    expect(logged.at(-1)).toBe(`${DAY}: failed: JSON nested deeper than 64 levels`);
    // The next day is fetched as usual.
    expect(requestsFor(LONG_DAY)).toHaveLength(1);
  });

  it('replaces a day saved while filling up with a later answer that holds all its papers, byte for byte', async () => {
    const items = hfDayItems(DAY);
    days.set(DAY, items.slice(0, items.length >> 1));
    await fetchHfDays(run(), [DAY]);
    expect(idsOf(savedItems(dayFile(DAY)))).toEqual(idsOf(items.slice(0, items.length >> 1)));

    days.set(DAY, items);
    const outcome = await fetchHfDays(run(), [DAY]);
    expect(exitCode(outcome)).toBe(EXIT.updated);
    expect(readFileSync(dayFile(DAY), 'utf8')).toBe(requestsFor(DAY).at(-1)!.body);
    expect(reported.at(-1)).toMatch(/: changed /);
  });

  it('keeps the papers of a saved day that a later answer lacks, with the later snapshot of the others', async () => {
    const items = hfDayItems(DAY);
    days.set(DAY, items);
    await fetchHfDays(run(), [DAY]);

    const [dropped, ...rest] = items;
    const later = rest.map((item) => ({ ...item, paper: { ...item.paper, upvotes: 1000 } }));
    days.set(DAY, later);
    await fetchHfDays(run(), [DAY]);
    const saved = savedItems(dayFile(DAY));
    expect(idsOf(saved)).toEqual([...idsOf(later), dropped.paper.id]);
    expect(saved.slice(0, later.length).every((item) => item.paper.upvotes === 1000)).toBe(true);
    expect(saved.at(-1)).toEqual(dropped);
    expect(reported.at(-1)).toMatch(/, kept 1 paper the answer lacked$/);
  });

  it('leaves a saved day alone when the same answer comes again, or an empty one', async () => {
    days.set(DAY, hfDayItems(DAY));
    await fetchHfDays(run(), [DAY]);
    const before = statSync(dayFile(DAY)).mtimeMs;
    const text = readFileSync(dayFile(DAY), 'utf8');

    expect(exitCode(await fetchHfDays(run(), [DAY]))).toBe(EXIT.nothingNew);
    days.set(DAY, []);
    expect(exitCode(await fetchHfDays(run(), [DAY]))).toBe(EXIT.nothingNew);
    expect(readFileSync(dayFile(DAY), 'utf8')).toBe(text);
    expect(statSync(dayFile(DAY)).mtimeMs).toBe(before);
  });

  it('stops, saying why, at the first day the API gives no answer to at all, after its retries, rather than trying every later day', async () => {
    // A port that was just listened on and is closed: connections are refused.
    const closed = await startReplayServer(hfDailyApi(days));
    await closed.close();
    const outcome = await fetchHfDays(run({ settings: fetchSettingsSchema.parse({ HF_API_URL: `${closed.origin}${HF_PATH}`, FETCH_RETRIES: '2' }) }), ['2026-06-22', '2026-06-23', '2026-06-24']);
    expect(outcome).toEqual({ written: [], failed: 1 });
    expect(logged.filter((line) => line.includes('failed:'))).toEqual([expect.stringMatching(/^2026-06-22: failed: /)]);
    expect(logged.at(-1)).toBe('the API could not be reached: the 2 later days were not tried; run again when it can be');
  });

  it('saves days that ingest reads into the same papers as the original records', async () => {
    const items = hfDayItems(LONG_DAY);
    days.set(LONG_DAY, items);
    await fetchHfDays(run({ hfPageSize: Math.ceil(items.length / 4) }), [LONG_DAY]);
    const papers = join(outDir, 'papers');
    const summary = ingest({ inputs: [dayFile(LONG_DAY)], outDir: papers });
    expect(summary).toMatchObject({ errors: 0, written: new Set(idsOf(items)).size });
    expect(readdirSync(papers).sort()).toEqual([...new Set(idsOf(items))].map((id) => `${id}.md`).sort());
  });
});
