import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_FILE, readSiteSettings } from '../src/config/site-settings.ts';
import { siteConfigFileSchema } from '../src/schema/site-config.ts';
import { projectRoot } from './support/locations.ts';
import { scratchFolder } from './support/scratch.ts';
import { thrownMessage } from './support/thrown.ts';

/** A project folder holding `config` as its config file (none when undefined). */
function project(config?: string): string {
  const dir = scratchFolder('settings');
  if (config !== undefined) writeFileSync(join(dir, CONFIG_FILE), config);
  return dir;
}

/** The error message reading the settings gives. */
const problems = (env: Record<string, string>, dir: string) => thrownMessage(() => readSiteSettings(env, dir));

describe('the site settings, from the config file and the environment', () => {
  it('build the sample at the domain root with our title when there is no file and no variable', () => {
    expect(readSiteSettings({}, project())).toEqual({
      siteUrl: undefined,
      basePath: '/',
      title: 'Daily Papers',
      description: 'Trending research papers, day by day, with search that runs in your browser.',
      newsletterUrl: undefined,
      papersDir: 'content/papers',
      notesDir: 'content/notes',
      notesAllowHtml: false,
      searchShardSize: 3000,
      cacheDir: 'node_modules/.astro',
    });
  });

  it('take every key from the config file, and each variable over its key', () => {
    const dir = project(JSON.stringify({ siteUrl: 'https://lab.example.org', basePath: 'reading-group', title: 'Reading Group Papers', description: 'What we read.', newsletterUrl: 'https://buttondown.com/lab', papersDir: 'papers', notesDir: 'notes', notesAllowHtml: true, searchShardSize: 2000, cacheDir: 'cache' }));
    expect(readSiteSettings({}, dir)).toEqual({ siteUrl: 'https://lab.example.org', basePath: '/reading-group/', title: 'Reading Group Papers', description: 'What we read.', newsletterUrl: 'https://buttondown.com/lab', papersDir: 'papers', notesDir: 'notes', notesAllowHtml: true, searchShardSize: 2000, cacheDir: 'cache' });
    const env = { SITE_URL: 'https://user.github.io', BASE_PATH: '/daily', NEWSLETTER_URL: 'https://example.org/join', PAPERS_DIR: 'other', NOTES_DIR: '', SEARCH_SHARD_SIZE: '500', CACHE_DIR: '/tmp/cache' };
    expect(readSiteSettings(env, dir)).toEqual({ siteUrl: 'https://user.github.io', basePath: '/daily/', title: 'Reading Group Papers', description: 'What we read.', newsletterUrl: 'https://example.org/join', papersDir: 'other', notesDir: 'notes', notesAllowHtml: true, searchShardSize: 500, cacheDir: '/tmp/cache' });
  });

  it('write the base path with a slash at each end, however it is given', () => {
    const base = (BASE_PATH: string) => readSiteSettings({ BASE_PATH }, project()).basePath;
    expect(['daily', '/daily', 'daily/', ' /daily/ ', '//daily//'].map(base)).toEqual(Array(5).fill('/daily/'));
    expect(base('/')).toBe('/');
    expect(base('')).toBe('/');
    expect(base('/a/b')).toBe('/a/b/');
  });

  it('keep only the origin of the address, and refuse one with a path, which links would drop', () => {
    expect(readSiteSettings({ SITE_URL: 'https://Papers.Example.org/' }, project()).siteUrl).toBe('https://papers.example.org');
    expect(problems({ SITE_URL: 'https://user.github.io/daily/' }, project())).toBe('invalid site settings:\n  SITE_URL: expected the address without a path, like https://papers.example.org: a sub-path goes in the base path');
  });

  it('name an address without its scheme as the one problem it is, never a TypeError', () => {
    expect(problems({ SITE_URL: 'papers.example.org' }, project())).toBe('invalid site settings:\n  SITE_URL: expected an http(s) address, like https://papers.example.org');
  });

  it('name the file, line, column and field of each bad key of the config file, and the variable of each bad variable', () => {
    const dir = project('{\n  "title": "",\n  "basePath": "/../secret/",\n  "siteURL": "https://papers.example.org",\n  "newsletterUrl": "javascript:alert(1)"\n}\n');
    expect(problems({ BASE_PATH: '/daily?x=1' }, dir)).toBe(
      [
        'invalid site settings:',
        `  ${CONFIG_FILE}:2:3  error  title  expected a title`,
        `  ${CONFIG_FILE}:3:3  error  basePath  expected a sub-path such as /daily/: letters, digits, ., _, ~, - and /`,
        `  ${CONFIG_FILE}:4:3  error  siteURL  unknown setting; the settings are siteUrl, basePath, title, description, newsletterUrl, papersDir, notesDir, notesAllowHtml, searchShardSize, cacheDir, host`,
        `  ${CONFIG_FILE}:5:3  error  newsletterUrl  expected an http(s) address, like https://papers.example.org`,
        '  BASE_PATH: expected a sub-path such as /daily/: letters, digits, ., _, ~, - and /',
      ].join('\n'),
    );
  });

  it('point at the break in a config file that is not JSON, and refuse one that is not an object', () => {
    expect(problems({}, project('{\n  "title": "Papers",\n}\n'))).toBe(`invalid site settings:\n  ${CONFIG_FILE}:3:1  error  -  invalid JSON: PropertyNameExpected`);
    expect(problems({}, project('["/daily/"]'))).toBe(`invalid site settings:\n  ${CONFIG_FILE}:1:1  error  -  expected a JSON object of settings`);
  });

  it('read the file DAILY_PAPERS_CONFIG names, and refuse a name that is no file', () => {
    const dir = project();
    writeFileSync(join(dir, 'staging.json'), '{ "title": "Staging" }');
    expect(readSiteSettings({ DAILY_PAPERS_CONFIG: 'staging.json' }, dir).title).toBe('Staging');
    expect(problems({ DAILY_PAPERS_CONFIG: 'production.json' }, dir)).toBe('invalid site settings:\n  DAILY_PAPERS_CONFIG: no such file: production.json');
  });
});

describe('the config file documentation', () => {
  const keys = Object.keys(siteConfigFileSchema.shape).filter((key) => key !== '$schema');

  it('ships an example file that holds every key and is valid', () => {
    const example = JSON.parse(readFileSync(join(projectRoot, 'daily-papers.config.example.json'), 'utf8'));
    expect(Object.keys(example).sort()).toEqual([...keys].sort());
    expect(() => readSiteSettings({ DAILY_PAPERS_CONFIG: 'daily-papers.config.example.json' }, projectRoot)).not.toThrow();
  });

  it('lists every key in the README settings table', () => {
    const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
    const documented = [...readme.matchAll(/^\| `(\w+)` \|/gm)].map((match) => match[1]);
    expect(documented).toEqual(expect.arrayContaining(keys));
  });
});
