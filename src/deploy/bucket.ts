import { DeleteObjectsCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import type { DeploySettings } from '../schema/settings.ts';
import { storageClient } from './client.ts';
import type { ObjectHeaders } from './object-headers.ts';
import type { StoredObject } from './plan.ts';

/** The site's part of a bucket: the objects under the prefix, each by its path below it. */
export interface Bucket {
  /** Where it is, for messages: `s3://papers/daily/ at https://storage.example.org`. Never the keys. */
  where: string;
  /** Every object. */
  list(): Promise<Map<string, StoredObject>>;
  /** An object's bytes, or undefined when there is none. */
  read(path: string): Promise<Uint8Array | undefined>;
  /** Stores `body` at `path` with `headers`; returns the object's ETag. */
  write(path: string, body: Uint8Array, headers: ObjectHeaders): Promise<string>;
  remove(paths: readonly string[]): Promise<void>;
  close(): void;
}

/** The most keys one DeleteObjects request takes. */
const DELETE_BATCH = 1000;

export function openBucket(settings: DeploySettings): Bucket {
  const client = storageClient(settings);
  const { DEPLOY_BUCKET: name, DEPLOY_PREFIX: prefix } = settings;
  return {
    where: `s3://${name}/${prefix}${settings.DEPLOY_ENDPOINT ? ` at ${settings.DEPLOY_ENDPOINT}` : ` (AWS S3, ${settings.DEPLOY_REGION})`}`,
    async list() {
      const objects = new Map<string, StoredObject>();
      let token: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket: name, Prefix: prefix || undefined, ContinuationToken: token }));
        for (const { Key, Size, ETag } of page.Contents ?? []) if (Key?.startsWith(prefix)) objects.set(Key.slice(prefix.length), { size: Size ?? 0, etag: unquoted(ETag) });
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      return objects;
    },
    async read(path) {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket: name, Key: prefix + path }));
        return await object.Body!.transformToByteArray();
      } catch (error) {
        if ((error as Error).name === 'NoSuchKey') return undefined;
        throw error;
      }
    },
    async write(path, body, headers) {
      const { ETag } = await client.send(
        new PutObjectCommand({ Bucket: name, Key: prefix + path, Body: body, ContentType: headers.contentType, CacheControl: headers.cacheControl, ContentEncoding: headers.contentEncoding }),
      );
      return unquoted(ETag);
    },
    async remove(paths) {
      for (let start = 0; start < paths.length; start += DELETE_BATCH) {
        const batch = paths.slice(start, start + DELETE_BATCH);
        const { Errors } = await client.send(new DeleteObjectsCommand({ Bucket: name, Delete: { Objects: batch.map((path) => ({ Key: prefix + path })), Quiet: true } }));
        const [first] = Errors ?? [];
        if (first) throw Object.assign(new Error(`${Errors!.length} objects were not deleted, ${first.Key} first`), { name: first.Code ?? 'DeleteFailed' });
      }
    },
    close: () => client.destroy(),
  };
}

/** ETags come quoted (`"9b2c..."`), but not from every S3-compatible server: compared without. */
function unquoted(etag: string | undefined): string {
  return (etag ?? '').replace(/^"|"$/g, '');
}
