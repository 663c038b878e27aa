import { describe, expect, it } from 'vitest';
import { slugify } from '../src/lib/slugify.ts';

describe('slugs of organization and topic names', () => {
  it.each([
    ['University of Wisconsin–Madison', 'university-of-wisconsin-madison'],
    ['Zürich AI Lab', 'zurich-ai-lab'],
    ['清华大学', '清华大学'],
  ])('makes %s into %s', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it.each(['***', '+++', '!?', '—'])('gives %s, a name without letters or digits, a segment that is neither empty nor shared', (name) => {
    const slug = slugify(name);
    expect(slug).toMatch(/^[a-z0-9-]+$/);
    expect(slug).not.toBe(slugify('###'));
  });
});
