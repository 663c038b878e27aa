import { HtmlValidate } from 'html-validate';

/**
 * html-validate's recommended rules, plus those for whole documents (doctype, one <title>, ...).
 * Astro's output of this site passes them as they are; the one exception is about content:
 */
export const validator = new HtmlValidate({
  extends: ['html-validate:recommended', 'html-validate:document'],
  rules: {
    // A paper page's <title> is the paper's own title (then "· Daily Papers"), and real titles
    // run past 70 characters. The limit is a search-engine display hint (they shorten long titles
    // in results), not a validity or accessibility requirement, and cutting the title would hide
    // what the page is from tabs, bookmarks and screen readers.
    'long-title': 'off',
    // Subresource integrity protects what a third party serves; the site's own stylesheet and
    // icon come from the same origin as the page, where a hash adds nothing.
    'require-sri': ['error', { target: 'crossorigin' }],
    // KaTeX lays out maths with inline style attributes (heights, offsets): the way it renders at
    // build time without scripts. The rule is a maintainability preference for hand-written HTML.
    'no-inline-style': 'off',
  },
});
