import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';

/** s3rver's one account: the only keys it takes. */
export const S3_KEYS = { id: 'S3RVER', secret: 'S3RVER' };

export interface Faults {
  /** The first `count` object PUTs are answered 503 SlowDown, as S3 answers when throttling. */
  throttleFirst?: number;
  /** Each object PUT is held this long before it is stored, so that a deploy can be stopped half-way. */
  putDelayMs?: number;
}

/** What the server's process tells this one. */
export type ServerMessage = { port: number } | { stored: number };

export interface StoredObject {
  bytes: Buffer;
  contentType?: string;
  cacheControl?: string;
  contentEncoding?: string;
}

export interface S3Server {
  endpoint: string;
  bucket: string;
  /** The environment `npm run deploy` needs to deploy into the bucket. */
  env: Record<string, string>;
  /** Every object in the bucket, by key, with the headers it is served with. */
  objects(): Promise<Map<string, StoredObject>>;
  /** Stores an object, as another writer to the bucket would. */
  write(key: string, body: string | Uint8Array): Promise<void>;
  /** How many objects the server has stored (PUTs it took) since it started. */
  stored(): number;
  /** Resolves once it has stored `count`. */
  storedAtLeast(count: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * A real S3-compatible server on a free port of 127.0.0.1, with one empty bucket, for tests and
 * the bench: s3rver, storing objects on disk in a folder of its own. Every request's signature
 * is checked against the secret, as S3 checks it, so wrong keys of any kind are refused. It runs
 * in a process of its own, with OpenSSL's legacy provider, which s3rver needs for the DES of its
 * continuation tokens (a listing of more than 1,000 objects).
 */
export async function startS3Server({ bucket = 'site', faults = {} }: { bucket?: string; faults?: Faults } = {}): Promise<S3Server> {
  const directory = mkdtempSync(join(tmpdir(), 'daily-papers-s3-'));
  const settings = JSON.stringify({ bucket, directory, keys: S3_KEYS, faults });
  const child: ChildProcess = spawn(process.execPath, ['--openssl-legacy-provider', fileURLToPath(new URL('s3-server-process.ts', import.meta.url)), settings], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let stored = 0;
  const waiting = new Set<{ count: number; resolve: () => void }>();
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the S3 server stopped (exit code ${code}) before it listened`)));
    child.on('message', (message: ServerMessage) => {
      if ('port' in message) resolve(message.port);
      else {
        stored = message.stored;
        for (const waiter of waiting) {
          if (waiter.count > stored) continue;
          waiting.delete(waiter);
          waiter.resolve();
        }
      }
    });
  });
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: S3_KEYS.id, secretAccessKey: S3_KEYS.secret } });
  return {
    endpoint,
    bucket,
    env: { DEPLOY_BUCKET: bucket, DEPLOY_ENDPOINT: endpoint, DEPLOY_FORCE_PATH_STYLE: 'true', AWS_ACCESS_KEY_ID: S3_KEYS.id, AWS_SECRET_ACCESS_KEY: S3_KEYS.secret },
    objects: () => bucketObjects(client, bucket),
    write: async (key, body) => void (await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }))),
    stored: () => stored,
    storedAtLeast: (count) => (stored >= count ? Promise.resolve() : new Promise((resolve) => waiting.add({ count, resolve }))),
    async close() {
      client.destroy();
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

async function bucketObjects(client: S3Client, bucket: string): Promise<Map<string, StoredObject>> {
  const objects = new Map<string, StoredObject>();
  let token: string | undefined;
  do {
    const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }));
    for (const { Key } of page.Contents ?? []) {
      const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key }));
      objects.set(Key!, { bytes: Buffer.from(await object.Body!.transformToByteArray()), contentType: object.ContentType, cacheControl: object.CacheControl, contentEncoding: object.ContentEncoding });
    }
    token = page.NextContinuationToken;
  } while (token);
  return objects;
}
