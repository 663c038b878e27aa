import type { AstroIntegration } from 'astro';

/** The module Astro inlines its content data store into for the build, and the code it gives it. */
const DATA_STORE_MODULE = '\0astro:data-layer-content';
const PREFIX = 'export default JSON.parse(';
const SUFFIX = ')';
/** Characters per piece: V8 compiles a string literal this long in a few milliseconds. */
const PIECE = 1_000_000;

/**
 * Astro inlines the whole content data store into the build as one string literal
 * (`export default JSON.parse("...")`), and V8 compiles a string literal in time that grows with
 * the square of its length: a 55 MB store (54,000 papers) took 45 s to compile, where the same
 * text in pieces of a million characters, joined when the module runs, took 2 s
 * (docs/performance.md). This integration rewrites that module into such pieces; the data is the same.
 */
export function dataStoreInPieces(): AstroIntegration {
  return {
    name: 'daily-papers:data-store-in-pieces',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'daily-papers:data-store-in-pieces',
                transform: {
                  filter: { id: new RegExp(`^${DATA_STORE_MODULE}$`) },
                  handler(code: string, id: string) {
                    const text = id === DATA_STORE_MODULE ? storeText(code) : undefined;
                    return text === undefined ? null : { code: `${PREFIX}${joinedPieces(text)}${SUFFIX}`, map: null };
                  },
                },
              },
            ],
          },
        });
      },
    },
  };
}

/** The store's JSON text, from the module's code as Astro writes it; none for code of another shape. */
function storeText(code: string): string | undefined {
  if (!code.startsWith(`${PREFIX}"`) || !code.endsWith(`"${SUFFIX}`)) return undefined;
  try {
    const text: unknown = JSON.parse(code.slice(PREFIX.length, -SUFFIX.length));
    return typeof text === 'string' ? text : undefined;
  } catch {
    return undefined;
  }
}

/** JavaScript for `text`, as string literals of at most `size` characters joined at run time. */
export function joinedPieces(text: string, size = PIECE): string {
  const pieces: string[] = [];
  // Cut anywhere, even inside a surrogate pair: each half is written as an escape, and joined
  // back the two make the same character.
  for (let start = 0; start < text.length; start += size) pieces.push(JSON.stringify(text.slice(start, start + size)));
  return `[${pieces.join(',\n')}].join('')`;
}
