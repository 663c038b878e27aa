import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { outputFolder } from '../src/integrations/output-folder.ts';
import { scratchFolder } from './support/scratch.ts';

/**
 * A build as Astro runs the integration's hooks: `start` is the set-up (it says whether the
 * folder is kept), `finish` the end of a build that did not fail (it returns what was logged).
 */
async function startBuild({ cacheDir, outDir, command = 'build', leave, keptBy }: { cacheDir: string; outDir: string; command?: string; leave?: string[]; keptBy?: { files(): ReadonlySet<string> }[] }): Promise<{ kept: boolean; finish: () => Promise<string> }> {
  const integration = outputFolder({ leave, keptBy });
  const updates: unknown[] = [];
  const config = { cacheDir: pathToFileURL(`${cacheDir}/`), outDir: pathToFileURL(`${outDir}/`) };
  await integration.hooks['astro:config:setup']!({ command, config, updateConfig: (update: unknown) => updates.push(update) } as never);
  const kept = updates.some((update) => JSON.stringify(update) === JSON.stringify({ vite: { build: { emptyOutDir: false } } }));
  const finish = async () => {
    const logged: string[] = [];
    await integration.hooks['astro:build:done']!({ dir: config.outDir, logger: { info: (line: string) => logged.push(line) } } as never);
    return logged.join('\n');
  };
  return { kept, finish };
}

/** A whole build that finishes; says whether the folder was kept. */
async function build(site: { cacheDir: string; outDir: string }): Promise<boolean> {
  const started = await startBuild(site);
  await started.finish();
  return started.kept;
}

/** A cache folder and an output folder of their own. */
function scratchSite(): { work: string; cacheDir: string; outDir: string } {
  const work = scratchFolder('output-folder');
  const outDir = join(work, 'dist');
  mkdirSync(outDir);
  return { work, cacheDir: join(work, 'cache'), outDir };
}

function writeOld(file: string): void {
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, 'from the build before');
  const hourAgo = new Date(Date.now() - 3_600_000);
  utimesSync(file, hourAgo, hourAgo);
}

describe('the output folder between builds', () => {
  it('is kept only when the last build with the same cache finished writing that same folder', async () => {
    const site = scratchSite();
    expect(await build(site)).toBe(false);
    expect(await build(site)).toBe(true);
    // Another folder may hold anything: Astro empties it.
    expect(await build({ ...site, outDir: join(site.work, 'elsewhere') })).toBe(false);
    expect(await build(site)).toBe(false);
  });

  it('is not kept after a build that did not finish, whose folder is half old and half new', async () => {
    const site = scratchSite();
    await build(site);
    expect((await startBuild(site)).kept).toBe(true);
    expect(await build(site)).toBe(false);
  });

  it('loses what the build neither wrote nor kept from the last one, and the folders that leaves empty', async () => {
    const site = scratchSite();
    const { cacheDir, outDir } = site;
    await build(site);
    writeOld(join(outDir, 'papers', 'gone', 'index.html'));
    writeOld(join(outDir, '_astro', 'old.css'));
    writeOld(join(outDir, 'pagefind', '2025-01-13', 'fragment', 'en_1.pf_fragment'));
    writeOld(join(outDir, 'pagefind', '2025-01-13', 'pagefind.js'));
    writeOld(join(outDir, 'papers', 'unchanged', 'index.html'));
    // Astro's record of the pages it kept in place.
    writeFileSync(join(cacheDir, 'incremental-build.json'), JSON.stringify({ routes: { 'src/pages/papers/[id].astro': { paths: { '/papers/unchanged': { outputFile: 'papers/unchanged/index.html' } } } } }));

    const started = await startBuild(site);
    writeFileSync(join(outDir, 'new.html'), 'written by this build');
    const logged = await started.finish();

    expect(started.kept).toBe(true);
    expect(existsSync(join(outDir, 'papers', 'gone'))).toBe(false);
    expect(existsSync(join(outDir, '_astro'))).toBe(false);
    expect(existsSync(join(outDir, 'pagefind'))).toBe(false);
    expect(existsSync(join(outDir, 'papers', 'unchanged', 'index.html'))).toBe(true);
    expect(existsSync(join(outDir, 'new.html'))).toBe(true);
    expect(logged).toMatch(/2 files written or kept, 4 no longer built removed/);
  });

  it('leaves the folders it is told other integrations keep, and looks into them no more', async () => {
    const site = scratchSite();
    await build(site);
    writeOld(join(site.outDir, 'pagefind', '2025-01-13', 'pagefind.js'));
    writeOld(join(site.outDir, 'papers', 'pagefind', 'index.html'));
    const started = await startBuild({ ...site, leave: ['pagefind'] });
    const logged = await started.finish();
    expect(existsSync(join(site.outDir, 'pagefind', '2025-01-13', 'pagefind.js'))).toBe(true);
    expect(existsSync(join(site.outDir, 'papers', 'pagefind'))).toBe(false);
    expect(logged).toMatch(/0 files written or kept, 1 no longer built removed/);
  });

  it('keeps the files other integrations say they kept from the last build', async () => {
    const site = scratchSite();
    await build(site);
    writeOld(join(site.outDir, 'topics', 'agents', 'rss.xml'));
    writeOld(join(site.outDir, 'topics', 'gone', 'rss.xml'));
    const logged = await (await startBuild({ ...site, keptBy: [{ files: () => new Set(['topics/agents/rss.xml']) }] })).finish();
    expect(existsSync(join(site.outDir, 'topics', 'agents', 'rss.xml'))).toBe(true);
    expect(existsSync(join(site.outDir, 'topics', 'gone'))).toBe(false);
    expect(logged).toMatch(/1 files written or kept, 1 no longer built removed/);
  });

  it('is left alone by the dev server', async () => {
    const site = scratchSite();
    await build(site);
    await startBuild({ ...site, command: 'dev' });
    expect(await build(site)).toBe(true);
  });
});
