import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONFIG_FILE, type SiteSettings } from '../config/site-settings.ts';
import { rawHtmlPlugin } from '../markdown/raw-html.ts';

type HastPluginEntry = ReturnType<typeof rawHtmlPlugin>;

/**
 * Raw HTML in the site's Markdown, by the owner's setting: a note keeps its HTML only when
 * `notesAllowHtml` is set, and any other document never does (src/markdown/raw-html.ts). The
 * integration lends the plugin Astro's logger, so that the build warns of each document whose HTML
 * it showed as text, when it reads the document: a note is read again only once it changed.
 * List `plugin` in the Markdown processor's hast plugins, before KaTeX's.
 */
export function noteHtml(settings: Pick<SiteSettings, 'notesDir' | 'notesAllowHtml'>): AstroIntegration & { plugin: HastPluginEntry } {
  let root = process.cwd();
  let logger: Pick<AstroIntegrationLogger, 'warn'> = { warn: (message) => console.warn(message) };
  const isNote = (file: string) => file.startsWith(resolve(root, settings.notesDir) + sep);
  return {
    name: 'daily-papers:note-html',
    hooks: {
      'astro:config:setup': ({ config, logger: astroLogger }) => {
        root = fileURLToPath(config.root);
        logger = astroLogger;
      },
    },
    plugin: rawHtmlPlugin({
      keepsHtml: (file) => settings.notesAllowHtml && isNote(file),
      shownAsText: (file) => {
        const hint = isNote(file) ? `; set "notesAllowHtml": true in ${CONFIG_FILE} to render HTML in notes` : '';
        logger.warn(`${relative(root, file) || 'a Markdown document'}: its raw HTML is shown as text, not rendered${hint}`);
      },
    }),
  };
}
