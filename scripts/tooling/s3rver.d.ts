// The little of s3rver (a Koa application) the tests use: it ships no types.
declare module 's3rver' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  interface Context {
    req: IncomingMessage;
    res: ServerResponse;
    method: string;
    status: number;
    body: unknown;
    type: string;
  }

  export default class S3rver {
    constructor(options: { address: string; port: number; directory: string; silent?: boolean; configureBuckets?: { name: string }[] });
    /** Koa's middleware, in the order it runs. */
    middleware: ((ctx: Context, next: () => Promise<void>) => Promise<void>)[];
    run(): Promise<{ address: string; port: number }>;
    close(): Promise<void>;
  }
}
