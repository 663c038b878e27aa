import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingest } from '../src/ingest/run.ts';
import { readCollection } from './support/collection.ts';
import { arxivListingData, hfDailyData, projectRoot } from './support/locations.ts';

let work: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'daily-papers-safety-'));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

const texts = (dir: string) => new Map([...readCollection(dir)].map(([name, file]) => [name, file.text]));

describe('ingest never loses data', () => {
  it('leaves every file either as it was or as it will be when killed mid-run, and the next run finishes the job', async () => {
    // "Old": the first half of the archive. "New": the whole archive, ingested into another folder.
    const days = readdirSync(hfDailyData).sort();
    const firstHalf = join(work, 'first-half');
    const target = join(work, 'papers');
    const complete = join(work, 'complete');
    cpSync(hfDailyData, firstHalf, { recursive: true, filter: (source) => !source.endsWith('.json') || days.indexOf(source.split('/').pop()!) < days.length / 2 });
    ingest({ inputs: [firstHalf], outDir: target });
    const before = texts(target);
    ingest({ inputs: [hfDailyData], outDir: complete });
    const after = texts(complete);

    // Kill the real command with SIGKILL once it has visibly started writing.
    const child = spawn(process.execPath, [join(projectRoot, 'scripts/ingest.ts'), hfDailyData, '--out', target], { stdio: 'ignore' });
    const initial = readdirSync(target).length;
    await new Promise<void>((resolve, reject) => {
      const poll = setInterval(() => {
        if (readdirSync(target).length >= initial + 300) {
          clearInterval(poll);
          child.kill('SIGKILL');
          resolve();
        }
      }, 5);
      child.on('exit', () => {
        clearInterval(poll);
        reject(new Error('ingest finished before it could be killed; raise the data size'));
      });
    });
    await new Promise((resolve) => child.on('exit', resolve));

    const interrupted = texts(target);
    let old = 0;
    let fresh = 0;
    for (const [name, text] of interrupted) {
      if (text === after.get(name)) fresh++;
      else if (text === before.get(name)) old++;
      else throw new Error(`${name} is neither its old nor its new content`);
    }
    expect(fresh).toBeGreaterThan(0);
    expect(old + fresh).toBe(interrupted.size);

    const rerun = ingest({ inputs: [hfDailyData], outDir: target });
    expect(rerun.errors).toBe(0);
    expect(texts(target)).toEqual(after);
    expect(readdirSync(target).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('never overwrites a file in its folder that a person wrote, and says so', () => {
    const day = join(hfDailyData, '2026-04-10.json');
    const id = (JSON.parse(readFileSync(day, 'utf8')) as { paper: { id: string } }[])[0].paper.id;
    const handWritten = `---\nid: '${id}'\ntitle: My own notes\n---\nA person wrote this.\n`;
    writeFileSync(join(work, `${id}.md`), handWritten);
    const summary = ingest({ inputs: [day], outDir: work });
    expect(readFileSync(join(work, `${id}.md`), 'utf8')).toBe(handWritten);
    expect(summary.diagnostics).toEqual([expect.objectContaining({ file: join(work, `${id}.md`), severity: 'error', message: expect.stringMatching(/was not written by ingest/) })]);
  });

  it('reads a format it is told to with --format, instead of the one it detects', () => {
    const listing = join(arxivListingData, '2026-06-25.jsonl');
    const detected = ingest({ inputs: [listing], outDir: join(work, 'detected') });
    const forced = ingest({ inputs: [listing], outDir: join(work, 'forced'), format: 'jsonl' });
    expect(detected.errors).toBe(0);
    // As our own JSON Lines, the listing's `summary` is no field and `abstract` is missing.
    expect(forced.written).toBe(0);
    expect(forced.diagnostics.some((d) => d.field === 'summary' && d.severity === 'warning')).toBe(true);
    expect(forced.diagnostics.some((d) => d.field === 'abstract' && d.severity === 'error')).toBe(true);
  });
});
