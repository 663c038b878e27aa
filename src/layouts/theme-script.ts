/**
 * The script that sets the reader's chosen theme before first paint, so that it never flashes the
 * other one: inline in every page's head (Base.astro), so written without the spaces a file would
 * have (every page carries it). The CSP allows it by the hash of this very text
 * (src/integrations/own-scripts.ts), which the build writes into the policies it deploys.
 */
export const THEME_SCRIPT = "try{const t=localStorage.getItem('theme');if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch{}";
