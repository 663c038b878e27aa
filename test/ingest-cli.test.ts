import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readText } from '../src/fs/files.ts';
import { hfDailyData } from './support/locations.ts';
import { runScript } from './support/run-script.ts';
import { scratchFolder } from './support/scratch.ts';

const DAY = join(hfDailyData, '2026-04-14.json');
const papersOfDay = () => new Set((JSON.parse(readText(DAY)) as { paper: { id: string } }[]).map((item) => item.paper.id));
const written = (folder: string) => new Set(readdirSync(folder).filter((name) => name.endsWith('.md')).map((name) => name.slice(0, -'.md'.length)));

/** `npm run ingest` as an owner runs it, in a project folder of their own. */
describe('npm run ingest', () => {
  it("writes the collection the build reads: the config file's papersDir, unless --out says another", async () => {
    const project = scratchFolder('ingest-cli');
    writeFileSync(join(project, 'daily-papers.config.json'), JSON.stringify({ papersDir: 'archive/papers' }));
    const byConfig = await runScript('ingest.ts', [DAY], {}, project);
    expect(byConfig.code).toBe(0);
    expect(written(join(project, 'archive', 'papers'))).toEqual(papersOfDay());

    const byFlag = await runScript('ingest.ts', [DAY, '--out', 'elsewhere'], {}, project);
    expect(byFlag.code).toBe(0);
    expect(written(join(project, 'elsewhere'))).toEqual(papersOfDay());
  });

  it('lets PAPERS_DIR override the config file, as the build does', async () => {
    const project = scratchFolder('ingest-cli');
    writeFileSync(join(project, 'daily-papers.config.json'), JSON.stringify({ papersDir: 'archive/papers' }));
    expect((await runScript('ingest.ts', [DAY], { PAPERS_DIR: 'from-env' }, project)).code).toBe(0);
    expect(written(join(project, 'from-env'))).toEqual(papersOfDay());
  });

  it('exits 2 on a broken config file, naming the file and the field, and writes nothing', async () => {
    const project = scratchFolder('ingest-cli');
    writeFileSync(join(project, 'daily-papers.config.json'), '{\n  "papersDir": 7\n}\n');
    const result = await runScript('ingest.ts', [DAY], {}, project);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/daily-papers\.config\.json:2:\d+.*papersDir/);
    expect(readdirSync(project)).toEqual(['daily-papers.config.json']);
  });

  it('exits 2, writing nothing, on a path that is not there and on a folder with nothing to read directly in it', async () => {
    const project = scratchFolder('ingest-cli');
    const missing = await runScript('ingest.ts', ['no-such-folder'], {}, project);
    expect([missing.code, missing.stderr.split('\n')[0]]).toEqual([2, 'no such file or folder: no-such-folder']);
    // Days kept in a sub-folder per month: the folder itself holds no file to read.
    mkdirSync(join(project, 'raw', '2026-04'), { recursive: true });
    copyFileSync(DAY, join(project, 'raw', '2026-04', '2026-04-14.json'));
    const nested = await runScript('ingest.ts', ['raw'], {}, project);
    expect(nested.code).toBe(2);
    expect(nested.stderr).toMatch(/^no \.json, .* file directly in raw \(sub-folders are not read: name each one\)/);
    expect(readdirSync(project)).toEqual(['raw']);
    expect((await runScript('ingest.ts', ['raw/2026-04'], {}, project)).code).toBe(0);
  });
});
