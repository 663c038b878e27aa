import type { MarkdownProcessor } from 'astro/markdown';

/**
 * Wraps a Markdown processor so that a rendered document's metadata keeps, of its front matter,
 * only what the processor's plugins added or changed (`hasMath`, src/markdown/katex.ts), not a
 * second copy of the whole. Astro keeps that metadata for every entry in its data store, beside
 * the entry's data, which already holds the front matter, and the build writes, bundles and
 * loads the whole store: at 54,000 papers it is 29 % smaller without the copy (docs/performance.md).
 */
export function withoutFrontMatterCopy(processor: MarkdownProcessor): MarkdownProcessor {
  return {
    ...processor,
    async createRenderer(shared) {
      const renderer = await processor.createRenderer(shared);
      return {
        async render(content, options) {
          // Plugins change the front matter they are given in place: note it as it was.
          const given = { ...options?.frontmatter };
          const rendered = await renderer.render(content, options);
          const frontmatter = Object.fromEntries(Object.entries(rendered.metadata?.frontmatter ?? {}).filter(([key, value]) => !(key in given) || given[key] !== value));
          return { ...rendered, metadata: { ...rendered.metadata, frontmatter } };
        },
      };
    },
  };
}
