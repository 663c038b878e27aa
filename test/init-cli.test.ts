import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from './support/locations.ts';
import { runScript } from './support/run-script.ts';
import { scratchFolder } from './support/scratch.ts';

/** A fresh clone's content as an owner finds it: some of the sample's papers, the example note, and a paper the owner wrote by hand. */
function clone(): string {
  const project = scratchFolder('init-cli');
  mkdirSync(join(project, 'content', 'papers'), { recursive: true });
  for (const name of readdirSync(join(projectRoot, 'content', 'papers')).slice(0, 5)) cpSync(join(projectRoot, 'content', 'papers', name), join(project, 'content', 'papers', name));
  cpSync(join(projectRoot, 'content', 'notes'), join(project, 'content', 'notes'), { recursive: true });
  const noted = readdirSync(join(project, 'content', 'notes'))[0];
  cpSync(join(projectRoot, 'content', 'papers', noted), join(project, 'content', 'papers', noted));
  writeFileSync(join(project, 'content', 'papers', 'mine.md'), '---\nid: "2601.00001"\n---\nWritten by hand.\n');
  return project;
}

describe('npm run init', () => {
  it('writes the config of the owner\'s site, takes out the sample and its note, keeps their own files, and says what to run next', async () => {
    const project = clone();
    const result = await runScript('init.ts', ['--title', 'Robot Papers', '--site-url', 'https://Robots.example.org/', '--base-path', 'robots'], {}, project);
    expect(result.code).toBe(0);
    expect(JSON.parse(readFileSync(join(project, 'daily-papers.config.json'), 'utf8'))).toEqual({ title: 'Robot Papers', siteUrl: 'https://robots.example.org', basePath: '/robots/' });
    expect(readdirSync(join(project, 'content', 'papers'))).toEqual(['mine.md']);
    expect(readdirSync(join(project, 'content', 'notes'))).toEqual([]);
    expect(result.stdout).toContain('removed the sample: 6 papers from content/papers, 1 notes from content/notes');
    expect(result.stdout).toMatch(/npm run update -- --from \d{4}-\d{2}-\d{2}/);
  });

  it('exits 2 and changes nothing on a bad flag value, naming the flag, and on a config file it would replace', async () => {
    const project = clone();
    const before = readdirSync(join(project, 'content', 'papers')).sort();
    const bad = await runScript('init.ts', ['--title', 'Robot Papers', '--site-url', 'robots.example.org'], {}, project);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^--site-url: expected an http\(s\) address/);
    expect(existsSync(join(project, 'daily-papers.config.json'))).toBe(false);
    expect(readdirSync(join(project, 'content', 'papers')).sort()).toEqual(before);

    expect((await runScript('init.ts', ['--title', 'Robot Papers', '--keep-sample'], {}, project)).code).toBe(0);
    const again = await runScript('init.ts', ['--title', 'Other'], {}, project);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('daily-papers.config.json exists already; give --force to replace it');
    expect(readdirSync(join(project, 'content', 'papers')).sort()).toEqual(before);
    expect((await runScript('init.ts', ['--title', 'Other', '--force'], {}, project)).code).toBe(0);
    expect(JSON.parse(readFileSync(join(project, 'daily-papers.config.json'), 'utf8'))).toEqual({ title: 'Other' });
  });

  it('exits 2 with its usage on an unknown flag or without a title', async () => {
    const project = clone();
    const unknown = await runScript('init.ts', ['--title', 'X', '--colour', 'blue'], {}, project);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('usage: npm run init');
    expect((await runScript('init.ts', [], {}, project)).stderr).toMatch(/^--title is needed/);
  });
});
