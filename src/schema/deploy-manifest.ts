import { z } from 'astro/zod';

/**
 * What `npm run deploy` keeps in the bucket beside the site (src/deploy/manifest.ts): each file
 * it uploaded, with its content's SHA-256 and size, and the ETag the storage gave the object.
 * It is read back as untrusted (anyone who may write to the bucket may write it): a manifest
 * that is not this shape is taken for none.
 */
export const deployManifestSchema = z.strictObject({
  /** Raised when a field changes meaning: a manifest of another version is taken for none. */
  version: z.literal(1),
  files: z.array(
    z.strictObject({
      /** The file's path in the build, which is its key under the prefix. */
      path: z.string().min(1),
      sha256: z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 hexadecimal digits'),
      size: z.int().nonnegative(),
      /**
       * The object's ETag when it was uploaded. The listing gives each object's ETag: another
       * one there means the object was written since (by a deploy killed half-way, say), so its
       * content is no longer known, whatever the hash says.
       */
      etag: z.string(),
    }),
  ),
});

export type DeployManifest = z.infer<typeof deployManifestSchema>;
export type ManifestEntry = DeployManifest['files'][number];
