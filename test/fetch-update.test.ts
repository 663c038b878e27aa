import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { daysToUpdate } from '../src/fetch/update.ts';
import { ingest } from '../src/ingest/run.ts';
import { dayRange } from '../src/lib/dates.ts';
import { hfDailyData } from './support/locations.ts';
import { HF_PATH, hfDailyApi, hfDayItems } from './support/recorded-apis.ts';
import { startReplayServer, type ReplayServer } from './support/replay-server.ts';
import { runScript } from './support/run-script.ts';

/** The newest day saved before the update (a Friday, saved while still filling up), and the day the update runs to. */
const SAVED = '2026-06-19';
const TODAY = '2026-06-23';
const listed = dayRange(SAVED, TODAY).filter((day) => existsSync(join(hfDailyData, `${day}.json`)));

describe('npm run update', () => {
  let server: ReplayServer;
  let work: string;
  let raw: string;
  let papers: string;
  /** A stand-in `npm` first on PATH, which records how the build was asked for. */
  let bin: string;
  const buildLog = () => join(work, 'npm-calls');
  const update = (args: string[], env: Record<string, string> = {}) =>
    runScript('update.ts', ['--raw', raw, '--papers', papers, '--to', TODAY, ...args], { HF_API_URL: `${server.origin}${HF_PATH}`, FETCH_RETRIES: '0', PATH: `${bin}:${process.env.PATH}`, FAKE_NPM_LOG: buildLog(), ...env });

  beforeEach(async () => {
    server = await startReplayServer(hfDailyApi(new Map(listed.map((day) => [day, hfDayItems(day)]))));
    work = mkdtempSync(join(tmpdir(), 'fetch-update-'));
    raw = join(work, 'raw');
    papers = join(work, 'papers');
    bin = join(work, 'bin');
    mkdirSync(raw);
    mkdirSync(bin);
    writeFileSync(join(bin, 'npm'), '#!/bin/sh\nprintf \'%s\\n\' "npm $*" "PAPERS_DIR=$PAPERS_DIR" >> "$FAKE_NPM_LOG"\nexit "${FAKE_NPM_EXIT:-0}"\n');
    chmodSync(join(bin, 'npm'), 0o755);
    // The newest saved day holds only the papers listed by the time it was fetched.
    const early = hfDayItems(SAVED);
    writeFileSync(join(raw, `${SAVED}.json`), JSON.stringify(early.slice(0, early.length >> 1)));
  });
  afterEach(async () => {
    await server.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('fetches every day from the newest saved one through today, ingests them, and then has nothing new', async () => {
    const result = await update(['--no-build']);
    expect(result.code, result.stderr).toBe(0);
    expect(server.requests.map((request) => request.url.searchParams.get('date'))).toEqual(dayRange(SAVED, TODAY));
    // Weekend days came back empty and were not saved; the filling day was fetched again, whole.
    expect(readdirSync(raw).sort()).toEqual(listed.map((day) => `${day}.json`));
    expect(JSON.parse(readFileSync(join(raw, `${SAVED}.json`), 'utf8'))).toEqual(hfDayItems(SAVED));
    const ids = new Set(listed.flatMap((day) => hfDayItems(day).map((item) => item.paper.id)));
    expect(readdirSync(papers).sort()).toEqual([...ids].map((id) => `${id}.md`).sort());
    expect(existsSync(buildLog())).toBe(false);

    const again = await update([]);
    expect(again.code, again.stderr).toBe(3);
    expect(existsSync(buildLog()), 'no build when nothing is new').toBe(false);
  });

  it('builds the site from the collection when it ingested something new', async () => {
    const result = await update([]);
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(buildLog(), 'utf8')).toBe(`npm run build\nPAPERS_DIR=${papers}\n`);
  });

  it('exits 1 when the build fails', async () => {
    const result = await update([], { FAKE_NPM_EXIT: '1' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('the build failed (exit code 1)');
  });

  it('exits 1 when a day cannot be fetched, after ingesting the days that could', async () => {
    server.inject((url) => url.searchParams.get('date') === TODAY, { status: 503, body: 'Service Unavailable' });
    const result = await update(['--no-build']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${TODAY}: failed: HTTP 503: Service Unavailable`);
    const fetched = new Set(listed.filter((day) => day !== TODAY).flatMap((day) => hfDayItems(day).map((item) => item.paper.id)));
    expect(readdirSync(papers).sort()).toEqual([...fetched].map((id) => `${id}.md`).sort());
  });
});

describe('the days an update fetches', () => {
  let work: string;
  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), 'update-days-'));
    return () => rmSync(work, { recursive: true, force: true });
  });

  it('start at the newest day saved, else at the newest list day of the collection, else today', () => {
    const raw = join(work, 'raw');
    const collection = join(work, 'papers');
    expect(daysToUpdate({ rawDir: raw, collection, today: TODAY })).toEqual([TODAY]);

    ingest({ inputs: [join(hfDailyData, `${SAVED}.json`)], outDir: collection });
    expect(daysToUpdate({ rawDir: raw, collection, today: TODAY })).toEqual(dayRange(SAVED, TODAY));

    mkdirSync(raw);
    writeFileSync(join(raw, '2026-06-22.json'), '[]');
    writeFileSync(join(raw, '2026-06-21.json'), '[]');
    expect(daysToUpdate({ rawDir: raw, collection, today: TODAY })).toEqual(['2026-06-22', TODAY]);
    expect(daysToUpdate({ rawDir: raw, collection, today: TODAY, from: '2026-06-01' })).toEqual(dayRange('2026-06-01', TODAY));
  });
});
