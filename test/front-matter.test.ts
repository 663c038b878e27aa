import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { describe, expect, it } from 'vitest';
import { FrontMatterLanguageError, readFrontMatter, writeFrontMatter } from '../src/lib/front-matter.ts';

// Strings that YAML 1.1 or 1.2 reads as something else when they are written bare: numbers in
// every base, booleans of both versions, nulls, dates and times, special floats, and syntax.
const lookalikes = [
  '0o17', '0o777', '017', '0x1F', '0b101', '1_000', '1e3', '+12', '-0', '.5', '6.',
  '.inf', '-.Inf', '.NaN', 'true', 'False', 'yes', 'No', 'on', 'OFF', 'y', 'n',
  'null', 'Null', '~', '', ' ', '2026-06-24', '2026-06-24T10:00:00Z', '12:30:00', '1:20',
  '<<', '=', '- item', '? key', ': value', '#comment', '& anchor', '*alias', '!tag', '%directive', '@at', '`tick',
  '"quoted"', "'single'", '{a: 1}', '[1, 2]', 'a: b', 'a #b', '|', '>', '---', '...',
];

describe('front matter', () => {
  it.each(lookalikes)('writes %j so that the build reads it back as the same string', (value) => {
    const text = writeFrontMatter('Body.\n', { fullname: value, list: [value] });
    // Astro's content layer reads front matter with this function; ours must agree with it.
    expect(parseFrontmatter(text).frontmatter).toEqual({ fullname: value, list: [value] });
    expect(readFrontMatter(text).data).toEqual({ fullname: value, list: [value] });
  });

  it('keeps numbers and lists as they were written', () => {
    const data = { upvotes: 15, days: ['2026-06-24'], id: '2606.11111' };
    expect(readFrontMatter(writeFrontMatter('x\n', data)).data).toEqual(data);
  });

  it.each(['---js', '---javascript', '--- js', '---coffee', '---json'])('never runs a %s block: it is refused, and nothing in it is evaluated', (fence) => {
    const marker = `ran-${Math.random()}`;
    const text = `${fence}\n{ data: (globalThis[${JSON.stringify(marker)}] = true) }\n---\nBody.\n`;
    expect(() => readFrontMatter(text)).toThrow(FrontMatterLanguageError);
    expect((globalThis as Record<string, unknown>)[marker]).toBeUndefined();
  });

  it('reads a plain YAML block and gives its body', () => {
    expect(readFrontMatter('---\ntitle: A\n---\nThe body.\n')).toEqual({ data: { title: 'A' }, body: 'The body.\n' });
  });
});
