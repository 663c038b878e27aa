import { constants, createGzip } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BadBody, createHttpClient, FetchFailed, isSameServer, parseRetryAfter, type HttpOptions } from '../src/fetch/http.ts';
import { fakeClock } from './support/fake-clock.ts';
import { requestTo, startReplayServer, type ReplayServer } from './support/replay-server.ts';

const GOOD = '{"ok":true}';
const accept = (body: string) => JSON.parse(body) as unknown;
const MiB = 2 ** 20;
const OVER_THE_LIMIT = 'the answer is over the 64 MiB limit';

/** `size` zero bytes, gzipped as they are made (so they are never all in memory): 1 GiB gives about 1 MB. */
async function gzippedZeros(size: number): Promise<Buffer> {
  const gzip = createGzip({ level: 9, strategy: constants.Z_RLE });
  const zeros = Buffer.alloc(MiB);
  const done = (async () => Buffer.concat(await gzip.toArray()))();
  for (let written = 0; written < size; written += MiB) if (!gzip.write(zeros)) await new Promise((resolve) => gzip.once('drain', resolve));
  gzip.end();
  return done;
}

describe('the HTTP client', () => {
  let server: ReplayServer;
  let clock: ReturnType<typeof fakeClock>;
  let lines: string[];
  const client = (options: Partial<HttpOptions> = {}) => createHttpClient({ timeoutMs: 5000, retries: 4, clock, log: (line) => lines.push(line), ...options });
  const url = () => `${server.origin}/thing`;
  const every = () => true;

  beforeEach(async () => {
    server = await startReplayServer(() => ({ body: GOOD }), { onRequest: () => clock.now() });
    clock = fakeClock();
    lines = [];
  });
  afterEach(() => server.close());

  it('retries 500 and 503 with exponential backoff and full jitter, then returns the body', async () => {
    server.inject(every, { status: 503, body: 'busy' }, { status: 500, body: 'oops' }, { status: 503, body: 'busy' });
    const draws = [0.5, 0.25, 0.999];
    const result = await client({ baseBackoffMs: 1000, random: () => draws.shift()! }).get(url(), accept);
    expect(result).toMatchObject({ body: GOOD, attempts: 4 });
    // Retry n waits random * base * 2^(n-1).
    expect(clock.sleeps).toEqual([0.5 * 1000, 0.25 * 2000, 0.999 * 4000]);
    expect(server.requests).toHaveLength(4);
  });

  it('never waits longer than the backoff cap, whatever the attempt', async () => {
    server.inject(every, ...Array.from({ length: 6 }, () => ({ status: 500, body: '' })));
    await client({ retries: 6, baseBackoffMs: 1000, maxBackoffMs: 5000, random: () => 0.999 }).get(url(), accept);
    expect(Math.max(...clock.sleeps)).toBeLessThanOrEqual(5000);
    expect(clock.sleeps.at(-1)).toBeCloseTo(0.999 * 5000);
  });

  it('honours Retry-After in seconds and as an HTTP date, and caps it', async () => {
    // The date is read after the first wait (7 s): it is 20 s away then.
    const inTwentySeconds = new Date(clock.now() + 7000 + 20_000).toUTCString();
    server.inject(
      every,
      { status: 429, headers: { 'retry-after': '7' }, body: '' },
      { status: 503, headers: { 'retry-after': inTwentySeconds }, body: '' },
      { status: 429, headers: { 'retry-after': '86400' }, body: '' },
    );
    await client({ maxRetryAfterMs: 60_000 }).get(url(), accept);
    expect(clock.sleeps).toEqual([7000, 20_000, 60_000]);
    expect(lines.filter((line) => line.includes('(Retry-After)'))).toHaveLength(3);
  });

  it('does not retry a client error such as 404, and says why in one line', async () => {
    server.inject(every, { status: 404, body: '{"error":"Not Found"}' });
    const failure = await client().get(url(), accept).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(FetchFailed);
    expect(failure).toMatchObject({ attempts: 1 });
    expect(lines).toEqual([`GET ${url()}: HTTP 404: {"error":"Not Found"}; not retrying`]);
  });

  it('gives up after the configured retries, with one line per problem', async () => {
    server.inject(every, ...Array.from({ length: 10 }, () => ({ status: 500, body: 'Internal Server Error' })));
    const retries = 2;
    const failure = await client({ retries }).get(url(), accept).catch((error: unknown) => error);
    expect(failure).toMatchObject({ attempts: retries + 1, message: 'HTTP 500: Internal Server Error' });
    expect(server.requests).toHaveLength(retries + 1);
    expect(lines).toHaveLength(retries + 1);
    expect(lines.at(-1)).toMatch(/giving up after 3 attempts$/);
  });

  it('times out a server that never answers, and one that answers too slowly, and tries again', async () => {
    server.inject(every, { fault: 'hang' }, { fault: 'slow', body: GOOD.repeat(1000), delayMs: 5000 });
    const started = performance.now();
    const result = await client({ timeoutMs: 300 }).get(url(), (body) => body);
    expect(result).toMatchObject({ body: GOOD, attempts: 3 });
    expect(lines.slice(0, 2)).toEqual([expect.stringContaining('no complete answer within 0.3 s'), expect.stringContaining('no complete answer within 0.3 s')]);
    expect(performance.now() - started).toBeLessThan(4000);
  });

  it('treats a body cut short as a failed request: a Content-Length larger than what came, or a connection destroyed mid-body', async () => {
    const body = JSON.stringify(Array.from({ length: 2000 }, (_, index) => ({ index })));
    server.inject(every, { fault: 'content-length', body, bytes: 1000 }, { fault: 'destroy', body, bytes: 1000 });
    const bodies: string[] = [];
    const result = await client().get(url(), (text) => bodies.push(text));
    expect(result.attempts).toBe(3);
    expect(bodies).toEqual([GOOD]);
    expect(lines).toHaveLength(2);
    expect(lines.every((line) => line.includes('network error'))).toBe(true);
  });

  it('retries a body its check refuses as worth a retry, and stops at one that is not', async () => {
    server.inject(every, { body: '<html>down</html>' });
    const check = (body: string) => {
      if (body.startsWith('<')) throw new BadBody('an HTML page', { retry: true });
      if (body === GOOD) throw new BadBody('the API says no', { retry: false });
    };
    const failure = await client().get(url(), check).catch((error: unknown) => error);
    expect(failure).toMatchObject({ message: 'the API says no', attempts: 2 });
    expect(lines).toEqual([expect.stringMatching(/: an HTML page; retry 1 of 4 in/), expect.stringMatching(/: the API says no; not retrying$/)]);
  });

  it('hangs up on an endless body as soon as it passes 64 MiB, and does not ask again', async () => {
    server.inject(every, { fault: 'stream', body: Buffer.alloc(MiB, 'x'), repeat: 1024 });
    const failure = await client().get(url(), accept).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(FetchFailed);
    expect(failure).toMatchObject({ message: OVER_THE_LIMIT, attempts: 1 });
    expect(lines).toEqual([`GET ${url()}: ${OVER_THE_LIMIT}; not retrying`]);
    const [served] = server.requests;
    await vi.waitFor(() => expect(served.hungUp).toBe(true));
    // Of the 1 GiB the server had to send, it wrote the limit and what the sockets' buffers hold.
    expect(served.sent).toBeLessThan(96 * MiB);
    expect(server.requests).toHaveLength(1);
  });

  it('stops decoding 1 MB of gzip that expands to 1 GiB at 64 MiB, holding no more than that in memory', async () => {
    const bomb = await gzippedZeros(1024 * MiB);
    expect(bomb.length).toBeLessThan(1.1 * MiB);
    server.inject(every, { fault: 'stream', headers: { 'content-encoding': 'gzip' }, body: bomb });
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 2);
    const failure = await client()
      .get(url(), accept)
      .catch((error: unknown) => error)
      .finally(() => clearInterval(sampler));
    peak = Math.max(peak, process.memoryUsage().rss);
    expect(failure).toMatchObject({ message: OVER_THE_LIMIT, attempts: 1 });
    // A coarse check: the whole body, decoded, would be 1 GiB, and twice that as text.
    expect(peak - before).toBeLessThan(256 * MiB);
  });

  it('refuses an answer whose Content-Length is over the limit before reading its body', async () => {
    server.inject(every, { fault: 'stream', headers: { 'content-length': String(1024 * MiB) }, body: Buffer.alloc(MiB, 'x'), repeat: 1024 });
    const failure = await client().get(url(), accept).catch((error: unknown) => error);
    expect(failure).toMatchObject({ message: OVER_THE_LIMIT, attempts: 1 });
    await vi.waitFor(() => expect(server.requests[0].hungUp).toBe(true));
    // Far less than the limit: the client did not read up to it.
    expect(server.requests[0].sent).toBeLessThan(32 * MiB);
  });

  it('takes a body up to the limit it is given, and refuses one a byte over', async () => {
    const body = JSON.stringify('x'.repeat(1000));
    server.inject(every, { fault: 'stream', body: Buffer.from(body) }, { fault: 'stream', body: Buffer.from(`${body} `) });
    const http = client({ maxBodyBytes: body.length });
    expect(await http.get(url(), accept)).toMatchObject({ body, attempts: 1 });
    await expect(http.get(url(), accept)).rejects.toMatchObject({ message: 'the answer is over the 1,002 bytes limit', attempts: 1 });
  });

  it('follows redirects on the same server, relative or absolute, and returns the last answer', async () => {
    server.inject(requestTo('/thing'), { status: 301, headers: { location: '/moved' }, body: '' });
    server.inject(requestTo('/moved'), { status: 307, headers: { location: `${server.origin}/here?p=1` }, body: 'see there' });
    const result = await client().get(url(), accept);
    expect(result).toMatchObject({ body: GOOD, attempts: 1 });
    expect(server.requests.map((request) => request.url.pathname + request.url.search)).toEqual(['/thing', '/moved', '/here?p=1']);
    expect(lines).toEqual([]);
  });

  it('refuses a redirect to another host, naming both, without asking that host or retrying', async () => {
    const other = await startReplayServer(() => ({ body: '{"other":true}' }));
    try {
      const port = new URL(server.origin).port;
      // Another port, and the same port under another name.
      for (const elsewhere of [`${other.origin}/thing`, `http://localhost:${port}/thing`]) {
        server.inject(every, { status: 302, headers: { location: elsewhere }, body: '' });
        const failure = await client().get(url(), accept).catch((error: unknown) => error);
        expect(failure).toBeInstanceOf(FetchFailed);
        expect(failure).toMatchObject({ message: `a redirect from ${server.origin} to ${new URL(elsewhere).origin} is not followed: only one to the same host is`, attempts: 1 });
      }
      expect(other.requests).toEqual([]);
      expect(server.requests.map((request) => request.url.pathname)).toEqual(['/thing', '/thing']);
      expect(lines.every((line) => line.endsWith('; not retrying'))).toBe(true);
    } finally {
      await other.close();
    }
  });

  it('gives up on a loop of redirects after the fifth, without a retry', async () => {
    server.inject(every, ...Array.from({ length: 10 }, (_, hop) => ({ status: 302, headers: { location: `/hop${hop + 1}` }, body: '' })));
    const failure = await client().get(url(), accept).catch((error: unknown) => error);
    expect(failure).toMatchObject({ message: 'more than 5 redirects', attempts: 1 });
    expect(server.requests).toHaveLength(6);
  });

  it('writes out the escape sequences of an error body or a refused body in every line and message, never passing them on', async () => {
    const hostile = '\u001b]0;pwned\u0007\u001b[2J';
    const written = '\\u{1b}]0;pwned\\u{7}\\u{1b}[2J';
    server.inject(every, { status: 500, body: hostile }, { body: `{"error":"${hostile}"}` });
    const check = (body: string) => {
      throw new BadBody(`the API says ${body}`, { retry: false });
    };
    const failure = await client({ random: () => 0 }).get(url(), check).catch((error: unknown) => error);
    expect(lines).toEqual([`GET ${url()}: HTTP 500: ${written}; retry 1 of 4 in 0.0 s`, `GET ${url()}: the API says {"error":"${written}"}; not retrying`]);
    expect(failure).toMatchObject({ message: `the API says {"error":"${written}"}` });
    for (const text of [...lines, (failure as Error).message]) expect(text).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  });

  it('sends a User-Agent that names the project', async () => {
    await client().get(url(), accept);
    expect(server.requests[0].headers['user-agent']).toMatch(/^daily-papers\/\d+\.\d+\.\d+ \(/);
  });

  it('leaves at least the minimum interval between attempts, retries included', async () => {
    server.inject(every, { status: 503, body: '' });
    const http = client({ minIntervalMs: 3000, random: () => 0.1 });
    await http.get(url(), accept);
    await http.get(url(), accept);
    const times = server.requests.map((request) => request.note as number);
    expect(times).toHaveLength(3);
    for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(3000);
  });
});

describe('a redirect on the same server', () => {
  it('keeps scheme, host name and port, or moves from http to https on the same host name', () => {
    const same = (from: string, to: string) => isSameServer(new URL(from), new URL(to));
    expect(same('https://huggingface.co/api/daily_papers', 'https://huggingface.co/api/other')).toBe(true);
    expect(same('http://export.arxiv.org/api/query', 'https://export.arxiv.org/api/query')).toBe(true);
    expect(same('https://export.arxiv.org/api/query', 'http://export.arxiv.org/api/query')).toBe(false);
    expect(same('https://huggingface.co/api', 'https://cdn.huggingface.co/api')).toBe(false);
    expect(same('http://127.0.0.1:8080/', 'http://127.0.0.1:8081/')).toBe(false);
    expect(same('http://127.0.0.1:8080/', 'http://localhost:8080/')).toBe(false);
    expect(same('https://huggingface.co/', 'file:///etc/passwd')).toBe(false);
  });
});

describe('Retry-After', () => {
  const now = Date.UTC(2026, 5, 24, 12);
  it('reads delay-seconds, an HTTP date (a past one as no wait), and nothing else', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Wed, 24 Jun 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Wed, 24 Jun 2026 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});
