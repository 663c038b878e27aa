import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';

/** A new empty folder under the system's temporary folder, removed when the test that made it ends. */
export function scratchFolder(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `daily-papers-${name}-`));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
