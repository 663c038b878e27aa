import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../src/ingest/diagnostics.ts';
import { ingest } from '../src/ingest/run.ts';
import { readRawDays } from './support/hf-raw.ts';
import { hfDailyData, projectRoot } from './support/locations.ts';

let work: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'daily-papers-diagnostics-'));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

/** Real items from one real day, pretty-printed as the API archive is, with `edit` applied. */
function writeDay(name: string, edit: (items: any[]) => void = () => {}): string {
  const items = readRawDays(hfDailyData, ['2026-04-10']).map(({ item }) => structuredClone(item));
  edit(items);
  const file = join(work, name);
  writeFileSync(file, JSON.stringify(items, null, 2));
  return file;
}

/** The 1-based line on which `needle` first appears in `file`'s text. */
function lineOf(text: string, needle: string): number {
  return text.slice(0, text.indexOf(needle)).split('\n').length;
}

describe('ingest diagnostics', () => {
  it('reports a bad record at its file, line, column and field, and still writes the good ones', () => {
    let badId = '';
    const file = writeDay('2026-04-10.json', (items) => {
      badId = items[1].paper.id;
      delete items[1].paper.title;
      items[2].paper.upvotes = 'many';
    });
    const out = join(work, 'papers');
    const summary = ingest({ inputs: [file], outDir: out });

    expect(summary.skipped).toBe(2);
    expect(summary.errors).toBe(2);
    const [missingTitle, badUpvotes] = summary.diagnostics;
    expect(missingTitle).toMatchObject({ file, severity: 'error', field: 'paper.title' });
    // A missing field is reported where its parent object starts: the item's "paper" key.
    const text = readFileSync(file, 'utf8');
    expect(missingTitle.line).toBe(lineOf(text, `"id": "${badId}"`) - 1);
    expect(badUpvotes).toMatchObject({ field: 'paper.upvotes', line: lineOf(text, '"upvotes": "many"'), column: 7 });
    expect(formatDiagnostic(badUpvotes)).toMatch(/^.+2026-04-10\.json:\d+:7  error  paper\.upvotes  .+$/);
    expect(readdirSync(out)).toHaveLength(summary.read - 2);
  });

  it('goes on to the next file when one file is not JSON', () => {
    const broken = join(work, '2026-04-09.json');
    writeFileSync(broken, '[{"paper": {"id": "2604.00001",\n  "title": }]');
    const good = writeDay('2026-04-10.json');
    const summary = ingest({ inputs: [broken, good], outDir: join(work, 'papers') });
    expect(summary.diagnostics[0]).toMatchObject({ file: broken, line: 2, severity: 'error', field: '-' });
    expect(summary.diagnostics[0].message).toMatch(/invalid JSON/);
    expect(summary.written).toBeGreaterThan(0);
    expect(summary.written).toBe(summary.read);
  });

  it('never writes outside its output folder, whatever an id says', () => {
    const file = writeDay('2026-04-10.json', (items) => {
      items[0].paper.id = '../../escaped';
      items[1].paper.id = '/tmp/absolute';
    });
    const out = join(work, 'deep', 'papers');
    const summary = ingest({ inputs: [file], outDir: out });
    expect(summary.diagnostics.filter((d) => d.field === 'paper.id')).toHaveLength(2);
    expect(existsSync(join(work, 'escaped.md'))).toBe(false);
    expect(readdirSync(join(work, 'deep'))).toEqual(['papers']);
  });

  it('keeps only http(s) links, warning about the others', () => {
    const file = writeDay('2026-04-10.json', (items) => {
      items[0].paper.githubRepo = 'javascript:alert(1)';
    });
    const summary = ingest({ inputs: [file], outDir: join(work, 'papers') });
    expect(summary.errors).toBe(0);
    expect(summary.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', field: 'paper.githubRepo' })]);
  });

  it('exits with 1 from the command line when a record was rejected, printing one line per problem and a summary', () => {
    const file = writeDay('2026-04-10.json', (items) => {
      items[0].paper.authors = [];
    });
    const run = spawnSync(process.execPath, [join(projectRoot, 'scripts/ingest.ts'), file, '--out', join(work, 'papers')], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/2026-04-10\.json:\d+:\d+  error  paper\.authors  /)]);
    expect(run.stdout).toMatch(/read \d+ · written \d+ · unchanged 0 · skipped 1 · errors 1/);
  });

  it('prints the terminal escape sequences of a record as visible text, never as the bytes a terminal obeys', () => {
    const file = join(work, '2026-06-24.jsonl');
    writeFileSync(file, `${JSON.stringify({ id: '2606.11111', title: 'T', authors: ['A'], day: '2026-06-24', abstract: 'x', ['\u001b]0;pwned\u0007']: 1 })}\n`);
    const run = spawnSync(process.execPath, [join(projectRoot, 'scripts/ingest.ts'), file, '--out', join(work, 'papers')], { encoding: 'utf8' });
    expect(run.stderr).toContain('\\u{1b}]0;pwned\\u{7}');
    expect(run.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  });
});
