import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import { cspHash } from '../headers/inline-hashes.ts';
import { THEME_SCRIPT } from '../layouts/theme-script.ts';

/** The site's own inline scripts, known apart from the pages: what the CSP may allow. */
export interface OwnScripts extends AstroIntegration {
  /** The CSP hash of each script the site itself may write inline, once the client build is done. */
  hashes(): Set<string>;
}

/**
 * The scripts the site ships, each as the CSP hash of its text: the layout's theme script, and
 * every script of the client build, should Astro write one inline (its text trimmed). It writes
 * none: the client build's scripts are files here, since inline, every page carried the same
 * 1.7 KB of them, a seventh of a paper's page (docs/performance.md). The CSP allows a script found in the pages only if it is one of these: a page's own
 * text could not say which of its scripts are the site's, as a note's raw HTML can copy any mark.
 * The client build bundles the site's code alone, never a note, and runs on every build.
 */
export function ownScripts(): OwnScripts {
  const bundled = new Set<string>();
  const clientBundle: Plugin = {
    name: 'daily-papers:own-scripts',
    generateBundle: {
      // Before Astro's own hook takes the chunks it writes inline out of the bundle.
      order: 'pre',
      handler(_options, bundle) {
        if (this.environment.name !== 'client') return;
        for (const output of Object.values(bundle)) if (output.type === 'chunk') bundled.add(cspHash(output.code.trim()));
      },
    },
  };
  return {
    name: 'daily-papers:own-scripts',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        // Astro writes a script inline when Vite would inline an asset of its size; no script, then.
        const assetsInlineLimit = (file: string) => (file.endsWith('.js') ? false : undefined);
        updateConfig({ vite: { plugins: [clientBundle], build: { assetsInlineLimit } } });
      },
      'astro:build:start': () => {
        bundled.clear();
      },
    },
    hashes: () => new Set([cspHash(THEME_SCRIPT), ...bundled]),
  };
}
