import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../src/ingest/diagnostics.ts';
import { ingest } from '../src/ingest/run.ts';
import { projectRoot } from './support/locations.ts';

/**
 * One folder per case under test/fixtures/ingest: `input/` is ingested with format detection,
 * and the papers written, the diagnostics and the summary must equal `expected/`.
 * `UPDATE_FIXTURES=1 npm test` rewrites `expected/` on purpose; review the diff before committing.
 * The run's day is fixed, so the list days ingest takes (up to tomorrow) do not move with the clock.
 */
const TODAY = '2026-07-01';
const fixtures = join(projectRoot, 'test', 'fixtures', 'ingest');
const cases = readdirSync(fixtures).sort();
const update = process.env.UPDATE_FIXTURES === '1';
const scratch = mkdtempSync(join(tmpdir(), 'daily-papers-fixtures-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function readFolder(dir: string): Record<string, string> {
  if (!existsSync(dir)) return {};
  return Object.fromEntries(readdirSync(dir).sort().map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
}

describe('ingest fixtures', () => {
  it.each(cases)('ingests the %s case into exactly its expected papers, diagnostics and summary', (name) => {
    const caseDir = join(fixtures, name);
    const outDir = join(scratch, name);
    const summary = ingest({ inputs: [join(caseDir, 'input')], outDir, today: TODAY });
    const report = [
      ...summary.diagnostics.map((d) => formatDiagnostic({ ...d, file: d.file.replace(`${caseDir}/`, '') })),
      `read ${summary.read} · written ${summary.written} · unchanged ${summary.unchanged} · skipped ${summary.skipped} · errors ${summary.errors}`,
    ].join('\n') + '\n';
    const papers = readFolder(outDir);

    const expectedDir = join(caseDir, 'expected');
    if (update) {
      rmSync(expectedDir, { recursive: true, force: true });
      mkdirSync(join(expectedDir, 'papers'), { recursive: true });
      writeFileSync(join(expectedDir, 'report.txt'), report);
      for (const [file, text] of Object.entries(papers)) writeFileSync(join(expectedDir, 'papers', file), text);
    }
    expect(report).toBe(readFileSync(join(expectedDir, 'report.txt'), 'utf8'));
    expect(papers).toEqual(readFolder(join(expectedDir, 'papers')));
  });
});
