import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { arxivFileName } from '../src/fetch/arxiv.ts';
import { ARXIV_PATH, arxivApi, arxivListingPapers, atomErrorFeed, HF_PATH, hfDailyApi, hfDayItems } from './support/recorded-apis.ts';
import { requestTo, startReplayServer, type ReplayServer } from './support/replay-server.ts';
import { runScript } from './support/run-script.ts';

const DAY = '2026-06-23';
const WEEKEND = ['2026-06-20', '2026-06-21'];
const papers = arxivListingPapers('2026-06-25');

/** `npm run fetch` as cron runs it, against the loopback server. */
describe('npm run fetch', () => {
  let hf: ReplayServer;
  let arxiv: ReplayServer;
  let out: string;
  const env = () => ({ HF_API_URL: `${hf.origin}${HF_PATH}`, ARXIV_API_URL: `${arxiv.origin}${ARXIV_PATH}`, FETCH_RETRIES: '0' });
  const fetch = (args: string[], extra: Record<string, string> = {}) => runScript('fetch.ts', [...args, '--out', out], { ...env(), ...extra });

  beforeAll(async () => {
    hf = await startReplayServer(hfDailyApi(new Map([[DAY, hfDayItems(DAY)]])));
    arxiv = await startReplayServer(arxivApi(papers));
  });
  afterAll(async () => {
    await Promise.all([hf.close(), arxiv.close()]);
  });
  beforeEach(() => {
    out = mkdtempSync(join(tmpdir(), 'fetch-cli-'));
    return () => rmSync(out, { recursive: true, force: true });
  });

  it('exits 0 when it saved a new day, then 3 when the same day brings nothing new', async () => {
    const first = await fetch(['hf', '--date', DAY]);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toBe(`${DAY}: ${hfDayItems(DAY).length} papers in 1 request: new ${join(out, `${DAY}.json`)}\n`);
    expect(JSON.parse(readFileSync(join(out, `${DAY}.json`), 'utf8'))).toEqual(hfDayItems(DAY));

    const again = await fetch(['hf', '--date', DAY]);
    expect(again.code).toBe(3);
    expect(again.stdout).toMatch(/: unchanged /);
  });

  it('fetches every day of --from … --to, weekends too, and saves only days with papers', async () => {
    const result = await fetch(['hf', '--from', WEEKEND[0], '--to', DAY]);
    expect(result.code).toBe(0);
    expect(hf.requests.filter((request) => request.url.searchParams.get('date') === WEEKEND[1])).not.toHaveLength(0);
    expect(readdirSync(out)).toEqual([`${DAY}.json`]);
  });

  it('exits 3 when every day was empty', async () => {
    expect(await fetch(['hf', '--from', WEEKEND[0], '--to', WEEKEND[1]])).toMatchObject({ code: 3 });
    expect(readdirSync(out)).toEqual([]);
  });

  it('exits 1 when a request fails, with one line naming the request and the problem', async () => {
    hf.inject(requestTo(HF_PATH, { date: DAY }), { status: 500, body: 'Internal Server Error' });
    const result = await fetch(['hf', '--date', DAY]);
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n')).toEqual([
      `GET ${hf.origin}${HF_PATH}?date=${DAY}&p=0&limit=50: HTTP 500: Internal Server Error; giving up after 1 attempt`,
      `${DAY}: failed: HTTP 500: Internal Server Error`,
      '',
    ]);
    expect(readdirSync(out)).toEqual([]);
  });

  it('gives up on a server that does not answer within FETCH_TIMEOUT', async () => {
    hf.inject(requestTo(HF_PATH, { date: DAY }), { fault: 'hang' });
    const result = await fetch(['hf', '--date', DAY], { FETCH_TIMEOUT: '0.5' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no complete answer within 0.5 s');
  });

  it('retries as often as FETCH_RETRIES says', async () => {
    hf.inject(requestTo(HF_PATH, { date: DAY }), { status: 503, headers: { 'retry-after': '0' }, body: '' }, { status: 503, headers: { 'retry-after': '0' }, body: '' });
    const before = hf.requests.length;
    const result = await fetch(['hf', '--date', DAY], { FETCH_RETRIES: '2' });
    expect(result.code).toBe(0);
    expect(hf.requests.length - before).toBe(3);
    expect(result.stderr.trim().split('\n')).toHaveLength(2);
  });

  it('saves an arXiv request as one Atom file and exits 0; an Error entry exits 1 with arXiv’s message', async () => {
    const ids = papers.slice(0, 3).map((paper) => paper.id);
    const saved = await fetch(['arxiv', '--ids', ids.join(',')]);
    expect(saved.code).toBe(0);
    expect(readFileSync(join(out, `${arxivFileName({ ids: [...ids].sort() })}.xml`), 'utf8')).toBe(arxiv.requests.at(-1)!.body);

    arxiv.inject(() => true, { body: atomErrorFeed('incorrect id format for 2606.1'), headers: { 'content-type': 'application/atom+xml' } });
    const refused = await fetch(['arxiv', '--query', 'id:2606.1']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('arXiv answered with an error: incorrect id format for 2606.1');
  });

  it('exits 2 on a usage error, and on a bad setting naming the variable', async () => {
    const mistakes = [[], ['gitlab'], ['hf'], ['hf', '--date', '2026-02-30'], ['hf', '--date', DAY, '--from', DAY], ['hf', '--from', DAY, '--to', WEEKEND[0]], ['arxiv', '--ids', 'nope'], ['arxiv', '--query', 'x', '--max', '0'], ['hf', '--date', DAY, '--bogus']];
    const requests = hf.requests.length + arxiv.requests.length;
    const results = await Promise.all(mistakes.map((args) => fetch(args)));
    results.forEach((result, index) => {
      expect(result.code, mistakes[index].join(' ')).toBe(2);
      expect(result.stderr, mistakes[index].join(' ')).toContain('usage: npm run fetch');
    });
    expect(hf.requests.length + arxiv.requests.length, 'no request made').toBe(requests);
    const bad = await fetch(['hf', '--date', DAY], { HF_API_URL: 'ftp://example.org/api', FETCH_RETRIES: 'many' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('invalid settings in the environment:\n  HF_API_URL: expected an http(s) address, like https://papers.example.org\n  FETCH_RETRIES: expected a whole number of retries from 0 to 10\n');
  });
});
