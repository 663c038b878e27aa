import type { SatteriProcessorOptions } from '@astrojs/markdown-satteri';
import { isRenderableUrl } from '../lib/links.ts';

type HastPluginEntry = NonNullable<SatteriProcessorOptions['hastPlugins']>[number];

/**
 * A Sätteri hast plugin: a link in Markdown (an autolinked URL in an abstract, a link in an
 * owner's note) stays a link only if it is http(s) to a well-formed host, or a fragment on the
 * page; any other becomes its plain text. Only http(s) links are rendered.
 */
export const safeLinksPlugin: HastPluginEntry = {
  name: 'safe-links',
  element: {
    filter: ['a'],
    visit(node) {
      const href = node.properties.href;
      if (typeof href === 'string' && (href.startsWith('#') || isRenderableUrl(href))) return;
      return { type: 'element', tagName: 'span', properties: {}, children: node.children };
    },
  },
};
