import { copyFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDayPapers } from '../src/digest/day-papers.ts';
import { newestListDay } from '../src/fetch/update.ts';
import { sites } from './support/locations.ts';
import { scratchFolder } from './support/scratch.ts';

/** A collection folder with a few real paper files and one that opens with a JavaScript block. */
function collectionWithScript(marker: string): { folder: string; day: string } {
  const folder = scratchFolder('hostile-collection');
  const names = readdirSync(sites.sample.papers).filter((name) => name.endsWith('.md')).sort().slice(0, 3);
  for (const name of names) copyFileSync(join(sites.sample.papers, name), join(folder, name));
  const day = '2026-06-24';
  writeFileSync(join(folder, '2606.99999.md'), `---js\n{ days: ['${day}'], ran: (globalThis[${JSON.stringify(marker)}] = true) }\n---\nA ${day} body.\n`);
  return { folder, day };
}

describe('a collection file whose front matter is JavaScript', () => {
  it('is never run by the update, which takes its days from the other files', () => {
    const marker = `update-${Math.random()}`;
    const { folder } = collectionWithScript(marker);
    expect(newestListDay(folder)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((globalThis as Record<string, unknown>)[marker]).toBeUndefined();
  });

  it('is never run by the digest, which names the file it cannot read', () => {
    const marker = `digest-${Math.random()}`;
    const { folder, day } = collectionWithScript(marker);
    expect(() => readDayPapers(folder, day)).toThrow(/2606\.99999\.md: front matter must be YAML/);
    expect((globalThis as Record<string, unknown>)[marker]).toBeUndefined();
  });
});
