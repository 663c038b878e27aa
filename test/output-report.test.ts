import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { measureTree } from '../src/fs/files.ts';
import { CLOUDFLARE_PAGES_FILE_LIMIT, describeOutput } from '../src/integrations/output-report.ts';
import { scratchFolder } from './support/scratch.ts';

describe("the build's output report", () => {
  it('counts every file in every folder, and their bytes', () => {
    const dir = scratchFolder('output');
    mkdirSync(join(dir, 'papers', '2606.01234'), { recursive: true });
    writeFileSync(join(dir, 'index.html'), 'x'.repeat(1000));
    writeFileSync(join(dir, 'papers', '2606.01234', 'index.html'), 'y'.repeat(234));
    writeFileSync(join(dir, '_headers'), '');
    expect(measureTree(dir)).toEqual({ files: 3, bytes: 1234 });
  });

  it('says the count and the size, and warns only past the 20,000 files Cloudflare Pages takes for free', () => {
    expect(CLOUDFLARE_PAGES_FILE_LIMIT).toBe(20_000);
    expect(describeOutput({ files: 20_000, bytes: 1_234_567_890 })).toEqual({ summary: '20,000 files, 1234.6 MB (1,234,567,890 bytes)' });
    expect(describeOutput({ files: 20_001, bytes: 5 }).warning).toMatch(/^20,001 files is more than the 20,000 that Cloudflare Pages deploys on its free plan/);
  });
});
