import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate, type Message } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { gateBuilds } from '../support/locations.ts';
import { builtPages } from '../support/site-files.ts';

/**
 * html-validate's recommended rules, plus those for whole documents (doctype, one <title>, ...).
 * Astro's output of this site passes them as they are; the one exception is about content:
 */
const validator = new HtmlValidate({
  extends: ['html-validate:recommended', 'html-validate:document'],
  rules: {
    // A paper page's <title> is the paper's own title (then "· Daily Papers"), and real titles
    // run past 70 characters. The limit is a search-engine display hint (they shorten long titles
    // in results), not a validity or accessibility requirement, and cutting the title would hide
    // what the page is from tabs, bookmarks and screen readers.
    'long-title': 'off',
    // Subresource integrity protects what a third party serves; the site's own stylesheet and
    // icon come from the same origin as the page, where a hash adds nothing.
    'require-sri': ['error', { target: 'crossorigin' }],
    // KaTeX lays out maths with inline style attributes (heights, offsets): the way it renders at
    // build time without scripts. The rule is a maintainability preference for hand-written HTML.
    'no-inline-style': 'off',
  },
});

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
