/**
 * The script that sets the reader's chosen theme before first paint, so that it never flashes the
 * other one: inline in every page's head (Base.astro). The CSP allows it by the hash of this very
 * text (src/integrations/own-scripts.ts), and the text, indentation included, is what the pages
 * have always carried, so the hash in deployed policies stays the same.
 */
export const THEME_SCRIPT = `
      try {
        const theme = localStorage.getItem('theme');
        if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
      } catch {}
    `;
