import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gateBuilds } from '../support/locations.ts';
import { builtFiles } from '../support/site-files.ts';

/** Where two versions of a file first differ, with a little of each around it. */
function firstDifference(file: string, a: Buffer, b: Buffer): string {
  let at = 0;
  while (at < a.length && at < b.length && a[at] === b[at]) at++;
  const text = !/\.(pf_\w+|pagefind|wasm)$/.test(file);
  const around = (bytes: Buffer) => {
    const slice = bytes.subarray(Math.max(0, at - 40), at + 40);
    return text ? JSON.stringify(slice.toString('utf8')) : slice.toString('hex');
  };
  return `${file}: ${a.length} and ${b.length} bytes, first differing at byte ${at}:\n    ${around(a)}\n    ${around(b)}`;
}

describe.each(gateBuilds)('two builds of the fixture $name', ({ dist, again }) => {
  it('are byte for byte the same, Pagefind index included', () => {
    const first = builtFiles(dist);
    const second = builtFiles(again);
    expect(first.length).toBeGreaterThan(100);
    expect(first.filter((file) => file.startsWith('pagefind/')).length).toBeGreaterThan(10);
    // Files named after a hash of their content (Pagefind's fragments and index chunks) show up
    // here when their content differs.
    expect({ onlyInFirst: first.filter((file) => !second.includes(file)), onlyInSecond: second.filter((file) => !first.includes(file)) }).toEqual({ onlyInFirst: [], onlyInSecond: [] });
    const differing = first
      .filter((file) => second.includes(file))
      .map((file) => ({ file, a: readFileSync(join(dist, file)), b: readFileSync(join(again, file)) }))
      .filter(({ a, b }) => !a.equals(b))
      .map(({ file, a, b }) => firstDifference(file, a, b));
    expect(differing).toEqual([]);
  });
});
