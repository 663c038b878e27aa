#!/usr/bin/env node
// Command-line entry point: `npm run init -- --title TITLE [--site-url URL] ...`. Makes the project
// an owner's own site: a config file of its own, and the bundled sample taken out.
import { basename } from 'node:path';
import { addDaysTo, utcToday } from '../src/lib/dates.ts';
import { parseCommandLine, siteSettingsOrExit, usageError } from '../src/cli/command-line.ts';
import { isFile, listInputFiles, readText, removeFile, writeFileAtomic } from '../src/fs/files.ts';
import { GENERATED_MARK } from '../src/ingest/to-markdown.ts';
import { siteConfigFileSchema, type SiteConfigFile } from '../src/schema/site-config.ts';

const CONFIG_FILE = 'daily-papers.config.json';
const USAGE = `usage: npm run init -- --title TITLE [--site-url URL] [--base-path PATH] [--description TEXT] [--keep-sample] [--force]
  --title TEXT        the site's name, in every page's header and title, the feeds and the digest
  --site-url URL      where it will be served, its origin only: https://papers.example.org
  --base-path PATH    the sub-path it is served under, as on GitHub Pages: /my-papers/
  --description TEXT  one sentence about the site, for the home page and link previews
  --keep-sample       keep the bundled sample's papers and example note (they are removed)
  --force             replace an existing ${CONFIG_FILE}
exit codes: 0 done; 2 usage error (nothing is changed)`;

const { values } = parseCommandLine(
  {
    options: {
      title: { type: 'string' },
      'site-url': { type: 'string' },
      'base-path': { type: 'string' },
      description: { type: 'string' },
      'keep-sample': { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  },
  USAGE,
);
if (values.title === undefined) usageError('--title is needed: the name of your site', USAGE);
if (isFile(CONFIG_FILE) && !values.force) usageError(`${CONFIG_FILE} exists already; give --force to replace it`, USAGE);

// Checked with the config file's own schema, each problem named by its flag.
const flagOf: Record<string, string> = { title: '--title', siteUrl: '--site-url', basePath: '--base-path', description: '--description' };
const given = { title: values.title, siteUrl: values['site-url'], basePath: values['base-path'], description: values.description };
const parsed = siteConfigFileSchema.safeParse(Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined)));
if (!parsed.success) usageError(parsed.error.issues.map((issue) => `${flagOf[String(issue.path[0])] ?? issue.path.join('.')}: ${issue.message}`).join('\n'), USAGE);
// The schema keeps the origin alone and a base path with its slashes: written as the build will read them.
const config: SiteConfigFile = parsed.data;

const { papersDir, notesDir } = siteSettingsOrExit();
const removed = values['keep-sample'] ? { papers: 0, notes: 0 } : removeSample(papersDir, notesDir);
writeFileAtomic(CONFIG_FILE, `${JSON.stringify(config, null, 2)}\n`);

console.log(`wrote ${CONFIG_FILE} for "${config.title}"${config.siteUrl ? ` at ${config.siteUrl}${config.basePath ?? '/'}` : ''}`);
if (!values['keep-sample']) console.log(`removed the sample: ${removed.papers} papers from ${papersDir}, ${removed.notes} notes from ${notesDir}`);
console.log(`
Next:
  npm run update -- --from ${addDaysTo(utcToday(), -7)}   fetch the last week of Hugging Face daily papers into ${papersDir}, and build
                                      (or npm run ingest -- <files> for records of your own, then npm run build)
  npm run preview                     look at the site in dist/ on http://localhost:4321${config.basePath ?? '/'}
Then deploy dist/ to any static host (docs/deploy.md), and run npm run update each day for the new day.`);

/**
 * Takes out the collection's papers that ingest wrote (a file an owner wrote by hand stays), and
 * the notes on those papers, which the bundled example note is.
 */
function removeSample(papers: string, notes: string): { papers: number; notes: number } {
  const slugs = new Set<string>();
  for (const file of listInputFiles([papers], ['.md']).files) {
    if (!readText(file).includes(GENERATED_MARK)) continue;
    removeFile(file);
    slugs.add(basename(file, '.md'));
  }
  let notesRemoved = 0;
  for (const file of listInputFiles([notes], ['.md']).files) {
    if (!slugs.has(basename(file, '.md'))) continue;
    removeFile(file);
    notesRemoved++;
  }
  return { papers: slugs.size, notes: notesRemoved };
}
