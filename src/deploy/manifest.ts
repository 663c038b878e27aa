import { gunzipSync, gzipSync } from 'node:zlib';
import { deployManifestSchema, type ManifestEntry } from '../schema/deploy-manifest.ts';

/**
 * The deploy manifest, kept in the bucket under the prefix: what each object holds
 * (src/schema/deploy-manifest.ts), so that a deploy uploads only the files whose content changed.
 * The listing is the truth of what is there; the manifest only says what is in it.
 */
export const MANIFEST_PATH = '.daily-papers/deploy-manifest.json';

/** The most a manifest may hold, decompressed: 200,000 files take some 40 MB. */
const MANIFEST_LIMIT = 512 * 2 ** 20;

/** Where a manifest is read from and written to: its entries by path. */
export type Manifest = ReadonlyMap<string, ManifestEntry>;

/**
 * The manifest's bytes: JSON, gzipped (so stored with `Content-Encoding: gzip`): an archive's
 * hashes are tens of megabytes of text, read and written on every deploy.
 */
export function encodeManifest(entries: readonly ManifestEntry[]): Buffer {
  return gzipSync(JSON.stringify({ version: 1, files: entries }));
}

/**
 * The manifest in `bytes`, or why it cannot be used. Gzipped or not: a storage or proxy may have
 * decompressed it on the way.
 */
export function decodeManifest(bytes: Uint8Array): { manifest: Manifest } | { problem: string } {
  let value: unknown;
  try {
    const text = (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes, { maxOutputLength: MANIFEST_LIMIT }) : Buffer.from(bytes)).toString('utf8');
    value = JSON.parse(text);
  } catch {
    return { problem: 'not JSON' };
  }
  const parsed = deployManifestSchema.safeParse(value);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    return { problem: `not a deploy manifest (${issue.path.join('.') || 'at the top'}: ${issue.message})` };
  }
  return { manifest: new Map(parsed.data.files.map((entry) => [entry.path, entry])) };
}
