/**
 * HTML that RenderedOnce.astro has rendered, by the object it shows. Weak keys: a dev server that
 * reloads the collection gets new objects, so nothing stale is shown, and nothing is kept for them.
 */
export const renderedOnce = new WeakMap<object, string>();
