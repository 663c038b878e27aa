import type { SatteriProcessorOptions } from '@astrojs/markdown-satteri';
import { renderTex } from '../lib/katex.ts';

type HastPluginEntry = NonNullable<SatteriProcessorOptions['hastPlugins']>[number];

/**
 * The key this plugin sets in a document's Astro front matter when it rendered maths; pages read it
 * from `render(entry).remarkPluginFrontmatter` (see `hasRenderedMath`) to add KaTeX's CSS.
 */
const HAS_MATH = 'hasMath';

/** Whether a rendered entry holds maths, given the `remarkPluginFrontmatter` that `render()` returns. */
export function hasRenderedMath(remarkPluginFrontmatter: Record<string, unknown>): boolean {
  return remarkPluginFrontmatter[HAS_MATH] === true;
}

/**
 * A Sätteri hast plugin: replaces the `code.math-inline` and `pre > code.math-display` elements
 * that `features.math` makes with KaTeX's HTML, at build time. A document without a dollar never
 * gets the plugin, so maths costs nothing where there is none.
 */
export const katexPlugin: HastPluginEntry = ({ source }) =>
  source.includes('$')
    ? {
        name: 'katex',
        element: {
          filter: ['code', 'pre'],
          visit(node, ctx) {
            // Display maths arrives as <pre><code class="math-display">: replace the <pre>, skip the <code> inside.
            const code = node.tagName === 'pre' ? node.children.find((child) => child.type === 'element' && child.tagName === 'code') : node;
            if (!code || code.type !== 'element') return;
            const kind = mathKind(code.properties.className);
            if (!kind || (kind === 'display' && node.tagName === 'code')) return;
            const frontmatter = ctx.data.astro?.frontmatter;
            if (frontmatter) frontmatter[HAS_MATH] = true;
            return { type: 'raw', value: renderTex(ctx.textContent(code), kind === 'display') };
          },
        },
      }
    : null;

function mathKind(className: unknown): 'inline' | 'display' | undefined {
  if (!Array.isArray(className)) return undefined;
  if (className.includes('math-display')) return 'display';
  if (className.includes('math-inline')) return 'inline';
  return undefined;
}
