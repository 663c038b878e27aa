import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A real HTTP server on 127.0.0.1 (a free port) that answers from a route function, and first
 * from faults queued for matching requests: the misbehaviour of real APIs, on a real socket.
 */

export type Reply =
  /** A whole response. */
  | { status?: number; headers?: Record<string, string>; body: string }
  /** Headers, never a body. */
  | { fault: 'hang' }
  /** Headers and half the body, the rest after `delayMs`. */
  | { fault: 'slow'; body: string; delayMs: number }
  /**
   * Part of the body (`bytes`), then the connection ends: `content-length` announces the whole
   * length and closes cleanly; `destroy` sends chunked and destroys the socket mid-body.
   */
  | { fault: 'content-length' | 'destroy'; body: string; bytes: number }
  /**
   * `body` (bytes: gzip, say, with its `content-encoding`) sent `repeat` times over, as fast as
   * the client reads, until all is sent or the client hangs up; `sent` counts what went out.
   */
  | { fault: 'stream'; headers?: Record<string, string>; body: Uint8Array; repeat?: number };

export interface ServedRequest {
  url: URL;
  headers: IncomingHttpHeaders;
  /** `performance.now()` when it arrived. */
  at: number;
  /** What the route's `onRequest` noted (a fake clock's time, say). */
  note?: unknown;
  /** The body sent, for whole responses. */
  body?: string;
  status?: number;
  /** For a `stream`: the bytes of body written to the socket so far (within 64 KiB). */
  sent?: number;
  /** For a `stream`: true once the client closed the connection before the end of the body. */
  hungUp?: boolean;
}

export interface ReplayServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  requests: ServedRequest[];
  /** Queues replies for the next requests whose URL matches, before the route answers. */
  inject(match: (url: URL) => boolean, ...replies: Reply[]): void;
  close(): Promise<void>;
}

export async function startReplayServer(route: (url: URL) => Reply, { onRequest }: { onRequest?: (url: URL) => unknown } = {}): Promise<ReplayServer> {
  const faults: { match: (url: URL) => boolean; reply: Reply }[] = [];
  const requests: ServedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const served: ServedRequest = { url, headers: request.headers, at: performance.now(), note: onRequest?.(url) };
    requests.push(served);
    const queued = faults.findIndex((fault) => fault.match(url));
    const reply = queued === -1 ? route(url) : faults.splice(queued, 1)[0].reply;
    answer(reply, response, served, (callback, ms) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        callback();
      }, ms);
      timers.add(timer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    inject: (match, ...replies) => faults.push(...replies.map((reply) => ({ match, reply }))),
    close: () => {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function answer(reply: Reply, response: ServerResponse, served: ServedRequest, later: (callback: () => void, ms: number) => void): void {
  if (!('fault' in reply)) {
    const headers = { 'content-type': 'application/json; charset=utf-8', ...reply.headers };
    Object.assign(served, { body: reply.body, status: reply.status ?? 200 });
    response.writeHead(reply.status ?? 200, headers).end(reply.body);
    return;
  }
  if (reply.fault === 'stream') {
    response.writeHead(200, reply.headers);
    void stream(response, reply.body, reply.repeat ?? 1, served);
    return;
  }
  const bytes = Buffer.from('body' in reply ? reply.body : '');
  if (reply.fault === 'hang') {
    response.flushHeaders();
  } else if (reply.fault === 'slow') {
    const half = bytes.length >> 1;
    response.writeHead(200, { 'content-length': String(bytes.length) }).write(bytes.subarray(0, half));
    later(() => response.destroyed || response.end(bytes.subarray(half)), reply.delayMs);
  } else if (reply.fault === 'content-length') {
    response.writeHead(200, { 'content-length': String(bytes.length) }).write(bytes.subarray(0, reply.bytes), () => response.socket?.end());
  } else {
    response.writeHead(200).write(bytes.subarray(0, reply.bytes), () => response.socket?.destroy());
  }
}

/** Writes `body` `repeat` times, 64 KiB at a time, each write waiting until the socket takes the last. */
async function stream(response: ServerResponse, body: Uint8Array, repeat: number, served: ServedRequest): Promise<void> {
  served.sent = 0;
  for (let round = 0; round < repeat; round++) {
    for (let at = 0; at < body.length; at += 64 * 1024) {
      if (response.destroyed) {
        served.hungUp = true;
        return;
      }
      const chunk = body.subarray(at, at + 64 * 1024);
      served.sent += chunk.length;
      if (!response.write(chunk)) await drainedOrClosed(response);
    }
  }
  response.end();
}

function drainedOrClosed(response: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      response.off('drain', done).off('close', done);
      resolve();
    };
    response.on('drain', done).on('close', done);
  });
}

/** Matches a request by its path and, optionally, some of its query parameters. */
export function requestTo(path: string, query: Record<string, string> = {}): (url: URL) => boolean {
  return (url) => url.pathname === path && Object.entries(query).every(([key, value]) => url.searchParams.get(key) === value);
}
