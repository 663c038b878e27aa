import { describe, expect, it } from 'vitest';
import { jsonDepthOver } from '../src/lib/json-depth.ts';

describe('jsonDepthOver', () => {
  it('counts each array and object as a level, and is true only past the limit', () => {
    expect(jsonDepthOver('1', 0)).toBe(false);
    expect(jsonDepthOver('[]', 0)).toBe(true);
    expect(jsonDepthOver('[{"paper":{"id":"2606.00001"}}]', 3)).toBe(false);
    expect(jsonDepthOver('[{"paper":{"id":"2606.00001"}}]', 2)).toBe(true);
    // Siblings do not add up: depth is how far in, not how many.
    expect(jsonDepthOver('[[1],[2],[3],{"a":4}]', 2)).toBe(false);
  });

  it('does not count brackets inside strings, escaped quotes and backslashes included', () => {
    expect(jsonDepthOver('["[[[[{{{{"]', 1)).toBe(false);
    expect(jsonDepthOver('{"title":"a \\"quoted [[[\\" word","x":"back\\\\"}', 1)).toBe(false);
    // After an escaped backslash the quote closes the string, so the brackets after it count.
    expect(jsonDepthOver('["\\\\",[[]]]', 2)).toBe(true);
    expect(jsonDepthOver('{"\\u005b[":"]]"}', 1)).toBe(false);
  });

  it('tells 20,000 levels of nesting without overflowing the stack', () => {
    const deep = `[{"paper":${'['.repeat(20_000)}${']'.repeat(20_000)}}]`;
    expect(jsonDepthOver(deep, 64)).toBe(true);
    expect(jsonDepthOver(deep, 20_002)).toBe(false);
  });

  it('never lets stray closing brackets hide the levels that follow', () => {
    expect(jsonDepthOver(`${']'.repeat(100)}${'['.repeat(65)}`, 64)).toBe(true);
  });
});
