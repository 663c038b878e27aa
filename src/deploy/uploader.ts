import { join } from 'node:path';
import { readBytes } from '../fs/files.ts';
import type { Bucket } from './bucket.ts';
import { objectHeaders } from './object-headers.ts';
import type { SiteFile } from './site-files.ts';

/** A file that could not be uploaded, and why. */
export class UploadFailed extends Error {
  readonly path: string;
  constructor(path: string, cause: unknown) {
    super(`uploading ${path}`, { cause });
    this.path = path;
  }
}

/**
 * Uploads `files` of the build in `dist` to `bucket`, `concurrency` at once, each with its
 * headers; each request is retried by the client (src/deploy/client.ts). Returns each file's new
 * ETag. On the first file that fails for good, starts no other, lets those under way finish, and
 * throws an UploadFailed for it.
 */
export async function uploadFiles(bucket: Bucket, dist: string, files: readonly SiteFile[], { concurrency, onUploaded }: { concurrency: number; onUploaded: (file: SiteFile) => void }): Promise<Map<string, string>> {
  const etags = new Map<string, string>();
  let next = 0;
  let failure: UploadFailed | undefined;
  const worker = async () => {
    while (failure === undefined && next < files.length) {
      const file = files[next++];
      try {
        etags.set(file.path, await bucket.write(file.path, readBytes(join(dist, file.path)), objectHeaders(file.path)));
        onUploaded(file);
      } catch (error) {
        failure ??= new UploadFailed(file.path, error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, files.length) }, worker));
  if (failure) throw failure;
  return etags;
}
