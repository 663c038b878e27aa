import { describe, expect, it } from 'vitest';
import { dataStoreInPieces, joinedPieces } from '../src/integrations/data-store-pieces.ts';

/** What the code evaluates to. */
const evaluate = (code: string): unknown => new Function(`return ${code}`)();

describe('the data store in pieces', () => {
  it('gives back the same text, whatever it holds and wherever a cut falls', () => {
    const record = { title: 'Quotes " and \\ back\nslashes', emoji: '😀 ok', separators: '\u2028\u2029', name: 'Łukasz 王' };
    const text = JSON.stringify(Array(7).fill(record));
    for (const size of [1, 2, 3, 5, 7, 64, text.length, text.length + 1]) expect(evaluate(joinedPieces(text, size))).toBe(text);
    expect(JSON.parse(evaluate(joinedPieces(text, 5)) as string)).toEqual(Array(7).fill(record));
  });

  it('writes no string literal longer than a piece', () => {
    const text = 'a'.repeat(2_500_001);
    const code = joinedPieces(text);
    const literals = code.match(/"[^"]*"/g)!;
    expect(literals).toHaveLength(3);
    expect(Math.max(...literals.map((literal) => literal.length - 2))).toBe(1_000_000);
    expect(evaluate(code)).toBe(text);
  });

  it("rewrites Astro's data store module into pieces, and leaves every other module as it is", async () => {
    const configs: { vite: { plugins: { transform: { handler: (code: string, id: string) => { code: string } | null } }[] } }[] = [];
    await dataStoreInPieces().hooks['astro:config:setup']!({ updateConfig: (config: never) => configs.push(config) } as never);
    const transform = (code: string, id: string) => configs[0].vite.plugins[0].transform.handler(code, id);
    const store = JSON.stringify([['papers', { id: '2501.00001', title: 'A "title" 😀' }]]);
    const astroModule = `export default JSON.parse(${JSON.stringify(store)})`;
    const rewritten = transform(astroModule, '\0astro:data-layer-content')!.code;
    expect(rewritten).toMatch(/^export default JSON\.parse\(\[".*"\]\.join\(''\)\)$/s);
    expect(evaluate(rewritten.replace(/^export default /, ''))).toEqual(evaluate(astroModule.replace(/^export default /, '')));
    expect(transform(astroModule, '/project/src/lib/papers.ts')).toBeNull();
    expect(transform('export default new Map()', '\0astro:data-layer-content')).toBeNull();
  });
});
