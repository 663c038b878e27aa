import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Message } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { gateBuilds } from '../support/locations.ts';
import { validator } from '../support/html-validator.ts';
import { builtPages } from '../support/site-files.ts';

describe.each(gateBuilds)('the HTML of the fixture build $name', ({ dist }) => {
  it('is valid on every page, by html-validate', async () => {
    const pages = builtPages(dist);
    expect(pages.length).toBeGreaterThan(100);
    const errors: string[] = [];
    for (const { file } of pages) {
      const report = await validator.validateString(readFileSync(join(dist, file), 'utf8'), file);
      const messages: Message[] = report.results.flatMap((result) => result.messages);
      for (const m of messages.filter((message) => message.severity === 2)) errors.push(`${file}:${m.line}:${m.column} ${m.ruleId} ${m.message}${m.selector ? ` (${m.selector})` : ''}`);
    }
    expect(errors).toEqual([]);
  });
});
