import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { headersFor, parseHeadersFile } from '../../src/headers/headers-file.ts';
import { cspHash } from '../../src/headers/inline-hashes.ts';
import { THEME_SCRIPT } from '../../src/layouts/theme-script.ts';
import { fixtureNote, sites } from '../support/locations.ts';

/** A build's note on the note's paper page, the script-src of the page's CSP, and what the build printed. */
function built(dist: string) {
  const note = load(readFileSync(join(dist, 'papers', fixtureNote.slug, 'index.html'), 'utf8'))('.owner-note');
  const csp = headersFor(parseHeadersFile(readFileSync(join(dist, '_headers'), 'utf8')), `/papers/${fixtureNote.slug}/`).get('content-security-policy')!;
  const scriptSrc = csp.split('; ').find((directive) => directive.startsWith('script-src '))!;
  return { note, scriptSrc, log: readFileSync(`${dist}.log`, 'utf8') };
}

describe("an owner's note with raw HTML", () => {
  it('shows its HTML as the text written, with no script or image in the page, and the build names the note file', () => {
    const { note, scriptSrc, log } = built(sites.fixture.dist);
    expect(note.find('script, img')).toHaveLength(0);
    expect(note.text()).toContain(`<script>${fixtureNote.script}</script>`);
    expect(note.text()).toContain('<img src=x onerror=alert(1)>');
    expect(note.find('em').text()).toBe('careful');
    expect(scriptSrc).not.toContain(cspHash(fixtureNote.script));
    expect(log).toMatch(new RegExp(`\\[WARN\\] \\[daily-papers:note-html\\] test-output/fixture-notes/${fixtureNote.slug}\\.md: its raw HTML is shown as text, not rendered; set "notesAllowHtml": true`));
  });

  it('keeps its HTML when the owner allows it, without a warning', () => {
    const { note, log } = built(sites.notesWithHtml.dist);
    expect(note.find('script').text()).toBe(fixtureNote.script);
    expect(note.find('img').attr('onerror')).toBe('alert(1)');
    expect(log).not.toContain('[daily-papers:note-html]');
  });

  it("does not have its script allowed by the CSP even then: the CSP allows the site's own inline scripts alone, and the build names the page", () => {
    const { scriptSrc, log } = built(sites.notesWithHtml.dist);
    expect(scriptSrc).not.toContain(cspHash(fixtureNote.script));
    expect(scriptSrc).toContain(`'${cspHash(THEME_SCRIPT)}'`);
    expect(scriptSrc).not.toMatch(/'unsafe-inline'|'unsafe-hashes'/);
    expect(log).toContain(`1 page(s) carry inline scripts that are not the site's own, which the CSP does not allow (a note's raw HTML?): papers/${fixtureNote.slug}/index.html`);
  });
});
