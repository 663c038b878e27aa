import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { dataStoreModule, dataStoreReadWhenRendering } from '../src/integrations/data-store-module.ts';

const dir = mkdtempSync(join(tmpdir(), 'data-store-module-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Load = { order: string; filter: { id: RegExp }; handler: (id: string) => { code: string } | null };

/** The Vite plugins the integration adds to a config. */
async function pluginsFor(command: string, experimental: object = {}): Promise<{ load: Load }[]> {
  const configs: { vite: { plugins: { load: Load }[] } }[] = [];
  await dataStoreReadWhenRendering().hooks['astro:config:setup']!({ command, config: { cacheDir: pathToFileURL(`${dir}/`), experimental }, updateConfig: (config: never) => configs.push(config) } as never);
  return configs.flatMap((config) => config.vite.plugins);
}

describe("Astro's data store module in a build", () => {
  it('reads the store Astro wrote when the module runs, and gives the same data without inlining it', async () => {
    const store = JSON.stringify({ papers: [{ id: '2501.00001', title: 'Quotes " and \\ back\nslashes 😀 \u2028 Łukasz 王' }] });
    const storeFile = join(dir, 'data-store.json');
    writeFileSync(storeFile, store);
    const { code } = dataStoreModule(storeFile)!;
    expect(code).not.toContain('2501.00001');
    const module = join(dir, 'module.mjs');
    writeFileSync(module, code);
    expect((await import(pathToFileURL(module).href)).default).toEqual(JSON.parse(store));
  });

  it("leaves Astro's module as it is when there is no store file", () => {
    expect(dataStoreModule(join(dir, 'missing', 'data-store.json'))).toBeNull();
  });

  it("loads only Astro's data store module, before Astro's own load, and only in a build with the store in one file", async () => {
    writeFileSync(join(dir, 'data-store.json'), '{}');
    const [plugin] = await pluginsFor('build');
    expect(plugin.load.order).toBe('pre');
    expect(plugin.load.filter.id.test('\0astro:data-layer-content')).toBe(true);
    expect(plugin.load.handler('\0astro:data-layer-content')!.code).toContain(JSON.stringify(join(dir, 'data-store.json')));
    expect(plugin.load.handler('/project/src/lib/papers.ts')).toBeNull();
    expect(await pluginsFor('dev')).toEqual([]);
    expect(await pluginsFor('build', { collectionStorage: 'chunked' })).toEqual([]);
  });
});
