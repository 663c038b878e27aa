import { basename, join } from 'node:path';
import type { FetchSettings } from '../schema/settings.ts';
import { ARXIV_SPACING_MS, arxivFileName, fetchArxiv, type ArxivRequest } from './arxiv.ts';
import { createHttpClient, FetchFailed, type HttpOptions } from './http.ts';
import { fetchHfDay } from './hugging-face.ts';
import { saveArxivPages, saveHfDay, type Saved } from './save.ts';
import { USAGE_EXIT } from '../cli/command-line.ts';

/**
 * The fetch commands: Hugging Face days, or an arXiv request, fetched and saved, one line per
 * day or request on `report`, one line per request problem on `log`. A failure is counted, not
 * thrown, so one bad day does not stop the others.
 */

/** Exit codes, for cron: what happened, in one number. */
export const EXIT = {
  /** New data saved (or, for update, ingested and built). */
  updated: 0,
  /** A request failed for good, or ingest or the build failed. */
  failed: 1,
  usage: USAGE_EXIT,
  /** Every answer was empty or what was already saved. */
  nothingNew: 3,
} as const;

export interface FetchRun {
  settings: FetchSettings;
  /** The folder raw responses are saved in. */
  outDir: string;
  /** Summary lines (standard output). */
  report: (line: string) => void;
  /** Problem lines (standard error). */
  log: (line: string) => void;
  /** Tests inject these. */
  clock?: HttpOptions['clock'];
  random?: HttpOptions['random'];
  /** Between arXiv calls; arXiv asks for 3 s. */
  arxivSpacingMs?: number;
  hfPageSize?: number;
  arxivPageSize?: number;
}

export interface FetchOutcome {
  /** Files written: new, or changed. */
  written: string[];
  failed: number;
}

export function exitCode({ written, failed }: FetchOutcome): number {
  return failed > 0 ? EXIT.failed : written.length > 0 ? EXIT.updated : EXIT.nothingNew;
}

function client(run: FetchRun, minIntervalMs = 0) {
  const { FETCH_TIMEOUT, FETCH_RETRIES } = run.settings;
  return createHttpClient({ timeoutMs: FETCH_TIMEOUT * 1000, retries: FETCH_RETRIES, minIntervalMs, clock: run.clock, random: run.random, log: run.log });
}

/** Fetches and saves each day, in order. */
export async function fetchHfDays(run: FetchRun, days: readonly string[]): Promise<FetchOutcome> {
  const http = client(run);
  const outcome: FetchOutcome = { written: [], failed: 0 };
  for (const [i, day] of days.entries()) {
    try {
      const fetched = await fetchHfDay(http, run.settings.HF_API_URL, day, { limit: run.hfPageSize });
      const saved = saveHfDay(run.outDir, fetched);
      const kept = saved.kept ? `, kept ${plural(saved.kept, 'paper')} the answer lacked` : '';
      run.report(`${day}: ${plural(fetched.items.length, 'paper')} in ${plural(fetched.pages, 'request')}: ${describe(saved, run.outDir)}${kept}`);
      if (saved.outcome === 'new' || saved.outcome === 'changed') outcome.written.push(saved.file);
    } catch (error) {
      if (!(error instanceof FetchFailed)) throw error;
      run.log(`${day}: failed: ${error.message}`);
      outcome.failed++;
      // No answer at all, after every retry: the next days would wait out the same retries (offline, 167 days took minutes).
      const left = days.length - i - 1;
      if (error.unreachable && left > 0) {
        run.log(`the API could not be reached: the ${plural(left, 'later day')} ${left === 1 ? 'was' : 'were'} not tried; run again when it can be`);
        break;
      }
    }
  }
  return outcome;
}

/** Fetches and saves one arXiv request, its pages spaced by 3 s; a request without results saves nothing. */
export async function fetchArxivRequest(run: FetchRun, request: ArxivRequest, { max }: { max?: number } = {}): Promise<FetchOutcome> {
  const http = client(run, run.arxivSpacingMs ?? ARXIV_SPACING_MS);
  const name = arxivFileName(request);
  try {
    const { pages, entries } = await fetchArxiv(http, run.settings.ARXIV_API_URL, request, { pageSize: run.arxivPageSize, max });
    if (entries === 0) {
      run.report(`${name}: no entries: nothing saved`);
      return { written: [], failed: 0 };
    }
    const saved = saveArxivPages(run.outDir, name, pages);
    run.report(`${name}: ${plural(entries, 'entry', 'entries')} in ${plural(pages.length, 'page')}: ${saved.map((file) => describe(file, run.outDir)).join(', ')}`);
    return { written: saved.filter((file) => file.outcome !== 'unchanged').map((file) => file.file), failed: 0 };
  } catch (error) {
    if (!(error instanceof FetchFailed)) throw error;
    run.log(`${name}: failed: ${error.message}`);
    return { written: [], failed: 1 };
  }
}

/** `new data/raw/hf/2026-06-24.json`: what happened to a file, under the folder as it was given. */
function describe({ outcome, file }: Saved, outDir: string): string {
  return outcome === 'empty' ? 'nothing saved' : `${outcome} ${join(outDir, basename(file))}`;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
