import { isContentHashed } from '../headers/header-rules.ts';
import { MANIFEST_PATH, type Manifest } from './manifest.ts';
import type { SiteFile } from './site-files.ts';

/** An object in the bucket, as its listing gives it. */
export interface StoredObject {
  size: number;
  etag: string;
}

/** What a deploy does, in order. */
export interface DeployPlan {
  /**
   * The files to upload, one wave after another, so that a reader never meets a link to a file
   * that is not there yet: the content-hashed files (styles, scripts, fonts, search chunks) that
   * everything else names; then the other files but pages (Pagefind's entry files name its
   * chunks; feeds, data); then the pages.
   */
  waves: { name: string; files: SiteFile[] }[];
  /** Files the bucket holds as the build has them. */
  unchanged: SiteFile[];
  /** Objects the build no longer has, deleted last, once every page that linked to them is replaced. */
  deletions: string[];
}

/**
 * The plan that makes the bucket hold the build's `files`: a file is left alone only when the
 * manifest says its object holds these bytes and the listing shows that object as it was then
 * (same ETag, same size). Anything else (a new file, a changed one, an object written by a deploy
 * killed half-way, one missing from the manifest) is uploaded; every listed object the build does
 * not have is deleted. The listing, not the manifest, says what is there, so a deploy run again
 * after one stopped half-way converges.
 */
export function planDeploy(files: readonly SiteFile[], objects: ReadonlyMap<string, StoredObject>, manifest: Manifest): DeployPlan {
  const isUnchanged = (file: SiteFile) => {
    const entry = manifest.get(file.path);
    const object = objects.get(file.path);
    return entry !== undefined && object !== undefined && entry.sha256 === file.sha256 && entry.size === file.size && object.etag === entry.etag && object.size === file.size;
  };
  const unchanged: SiteFile[] = [];
  const changed: SiteFile[] = [];
  for (const file of files) (isUnchanged(file) ? unchanged : changed).push(file);
  const isPage = (file: SiteFile) => file.path.endsWith('.html');
  const inBuild = new Set(files.map((file) => file.path));
  return {
    waves: [
      { name: 'content-hashed files', files: changed.filter((file) => isContentHashed(file.path)) },
      { name: 'other files', files: changed.filter((file) => !isContentHashed(file.path) && !isPage(file)) },
      { name: 'pages', files: changed.filter(isPage) },
    ],
    unchanged,
    deletions: [...objects.keys()].filter((path) => !inBuild.has(path) && path !== MANIFEST_PATH).sort(),
  };
}
