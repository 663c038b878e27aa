import packageJson from '../../package.json' with { type: 'json' };
import { byteSize } from '../lib/byte-size.ts';
import { forTerminal } from '../lib/control-characters.ts';

/**
 * The one HTTP client of fetch: GET with a timeout, a User-Agent naming the project, retries with
 * exponential backoff and full jitter on 429, 5xx, network errors and bodies that are not whole
 * data, `Retry-After` honoured (capped), and an optional minimum spacing between requests (arXiv
 * asks for 3 s). A body is read as it arrives and cut off past a size limit; a redirect is
 * followed only to the same host. Time is injectable, so tests can check every wait without waiting.
 */

export const USER_AGENT = `daily-papers/${packageJson.version} (open-source daily papers site generator; fetch)`;

export interface Clock {
  /** Milliseconds since the epoch (a `Retry-After` may be a date). */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface HttpOptions {
  /** How long one attempt may take, the body included. */
  timeoutMs: number;
  /**
   * The largest body accepted, counted as decoded (a small gzip body can expand a thousandfold):
   * 64 MiB unless given, a hundred times a real answer (a Hugging Face day is under 400 KB, an
   * arXiv page of 100 entries a few hundred KB) and far from what would exhaust memory. A body
   * past it, or a `Content-Length` over it, ends the request at once, without a retry.
   */
  maxBodyBytes?: number;
  /** Attempts after the first one. */
  retries: number;
  /** Backoff before retry n (from 1): a random wait in [0, min(maxBackoffMs, baseBackoffMs * 2^(n-1))). */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  /** A `Retry-After` longer than this is cut to it, so a cron job never sleeps for hours. */
  maxRetryAfterMs?: number;
  /**
   * At least this long from the end of one attempt to the start of the next, retries included:
   * counted from the end, a slow answer never shortens the pause the server sees.
   */
  minIntervalMs?: number;
  userAgent?: string;
  clock?: Clock;
  /** In [0, 1): the jitter. */
  random?: () => number;
  /** Told one line per problem with a request. */
  log?: (line: string) => void;
}

/**
 * Thrown by a body check: the response arrived but is not the data expected. `retry` says
 * whether asking again may help (an HTML error page, a rate limit) or not (an error the API
 * states about the request itself).
 */
export class BadBody extends Error {
  readonly retry: boolean;
  constructor(message: string, { retry }: { retry: boolean }) {
    super(message);
    this.retry = retry;
  }
}

/** A request that failed for good: its last problem (safe to print), and how many attempts were made. */
export class FetchFailed extends Error {
  readonly attempts: number;
  /** No answer came at all (refused, unresolved, timed out): the server, not the request, is the trouble. */
  readonly unreachable: boolean;
  constructor(message: string, attempts: number, unreachable = false) {
    super(message);
    this.attempts = attempts;
    this.unreachable = unreachable;
  }
}

export interface HttpClient {
  /**
   * GETs `url` until `check` accepts its body (text, decoded as strict UTF-8, so it re-encodes
   * to the bytes received), and returns both; throws `FetchFailed` when attempts run out or the
   * problem is not worth a retry.
   */
  get<T>(url: string, check: (body: string) => T): Promise<{ body: string; value: T; attempts: number }>;
}

type Problem = { message: string; retry: boolean; retryAfterMs?: number; unreachable?: boolean };

export function createHttpClient(options: HttpOptions): HttpClient {
  const { timeoutMs, maxBodyBytes = 64 * 2 ** 20, retries, baseBackoffMs = 1000, maxBackoffMs = 60_000, maxRetryAfterMs = 120_000, minIntervalMs = 0 } = options;
  const { userAgent = USER_AGENT, clock = realClock, random = Math.random, log = () => {} } = options;
  let lastEnd = -Infinity;

  async function attempt(url: string): Promise<{ ok: true; body: string } | { ok: false; problem: Problem }> {
    const early = lastEnd + minIntervalMs - clock.now();
    if (early > 0) await clock.sleep(early);
    let response: Response;
    let bytes: Uint8Array | undefined;
    // Aborted by the timeout, or at once when the body is over the limit, to hang up on it.
    const cutOff = new AbortController();
    try {
      const followed = await getFollowingRedirects(url, { headers: { 'user-agent': userAgent }, signal: AbortSignal.any([AbortSignal.timeout(timeoutMs), cutOff.signal]) });
      if (typeof followed === 'string') return { ok: false, problem: { message: followed, retry: false } };
      response = followed;
      bytes = await readBody(response, maxBodyBytes);
      if (bytes === undefined) {
        cutOff.abort();
        return { ok: false, problem: { message: `the answer is over the ${byteSize(maxBodyBytes)} limit`, retry: false } };
      }
    } catch (error) {
      return { ok: false, problem: { message: describeNetworkError(error, timeoutMs), retry: true, unreachable: true } };
    } finally {
      lastEnd = clock.now();
    }
    let body: string;
    try {
      body = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      return { ok: false, problem: { message: `HTTP ${response.status} with a body that is not UTF-8 text`, retry: true } };
    }
    if (response.ok) return { ok: true, body };
    const retry = response.status === 429 || response.status >= 500;
    const retryAfterMs = retry ? parseRetryAfter(response.headers.get('retry-after'), clock.now()) : undefined;
    return { ok: false, problem: { message: `HTTP ${response.status}${gist(body)}`, retry, retryAfterMs } };
  }

  return {
    async get(url, check) {
      for (let attempts = 1; ; attempts++) {
        const result = await attempt(url);
        let problem: Problem;
        if (result.ok) {
          try {
            return { body: result.body, value: check(result.body), attempts };
          } catch (error) {
            if (!(error instanceof BadBody)) throw error;
            problem = { message: error.message, retry: error.retry };
          }
        } else problem = result.problem;

        // A problem quotes the server (an error body, a check's finding, a redirect's target), and
        // ends up on a terminal: its escape sequences are written out, never obeyed.
        const message = forTerminal(problem.message);
        const request = `GET ${forTerminal(url)}`;
        if (!problem.retry || attempts > retries) {
          const verdict = problem.retry ? `giving up after ${attempts} attempt${attempts === 1 ? '' : 's'}` : 'not retrying';
          log(`${request}: ${message}; ${verdict}`);
          throw new FetchFailed(message, attempts, problem.unreachable === true);
        }
        const waitMs = problem.retryAfterMs !== undefined ? Math.min(problem.retryAfterMs, maxRetryAfterMs) : random() * Math.min(maxBackoffMs, baseBackoffMs * 2 ** (attempts - 1));
        log(`${request}: ${message}; retry ${attempts} of ${retries} in ${(waitMs / 1000).toFixed(1)} s${problem.retryAfterMs !== undefined ? ' (Retry-After)' : ''}`);
        await clock.sleep(waitMs);
      }
    },
  };
}

/** `Retry-After` as milliseconds from `now`: delay-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Redirects followed in one attempt: more would be a loop. */
const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * GETs `url`, following its redirects here rather than in fetch, which would follow them to any
 * host and have that host's data saved as this one's: to the same server only (`isSameServer`),
 * at most `MAX_REDIRECTS`. Returns the last response, or why a redirect was not followed.
 */
async function getFollowingRedirects(url: string, init: RequestInit): Promise<Response | string> {
  let at = new URL(url);
  for (let redirects = 0; ; redirects++) {
    const response = await fetch(at, { ...init, redirect: 'manual' });
    const location = REDIRECT_STATUSES.has(response.status) ? response.headers.get('location') : null;
    if (location === null) return response;
    await response.body?.cancel();
    const next = URL.parse(location, at);
    if (next === null || !isSameServer(at, next)) {
      const target = next === null ? location : next.origin === 'null' ? next.href : next.origin;
      return `a redirect from ${at.origin} to ${target} is not followed: only one to the same host is`;
    }
    if (redirects === MAX_REDIRECTS) return `more than ${MAX_REDIRECTS} redirects`;
    at = next;
  }
}

/**
 * Whether a redirect from `from` to `to` stays with the same server: the same origin (scheme, host
 * name and port), or the same host name moved from http to https. A host name is compared as
 * written, so `localhost` and `127.0.0.1` are two hosts.
 */
export function isSameServer(from: URL, to: URL): boolean {
  return to.origin === from.origin || (from.protocol === 'http:' && to.protocol === 'https:' && to.hostname === from.hostname);
}

/**
 * The body, read as it arrives (decoded, as fetch undoes gzip and brotli), or undefined as soon as
 * it is known to be over `limit` bytes: never more than the limit is held.
 */
async function readBody(response: Response, limit: number): Promise<Uint8Array | undefined> {
  if (Number(response.headers.get('content-length')) > limit) return undefined;
  const chunks: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of response.body ?? []) {
    length += chunk.length;
    if (length > limit) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, length);
}


function describeNetworkError(error: unknown, timeoutMs: number): string {
  const { name, message, cause } = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (name === 'TimeoutError') return `no complete answer within ${timeoutMs / 1000} s`;
  const detail = cause?.code ?? cause?.message;
  return `network error: ${message ?? String(error)}${detail ? ` (${detail})` : ''}`;
}

/**
 * The start of a short error body on one line (`: Rate exceeded.`), or nothing for a page of HTML;
 * its control characters are escaped with the rest of the message.
 */
function gist(body: string): string {
  const text = body.trim();
  if (text === '' || text.startsWith('<')) return '';
  const line = text.split('\n')[0];
  return `: ${line.length > 120 ? `${line.slice(0, 120)}…` : line}`;
}
