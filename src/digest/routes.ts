import type { APIRoute } from 'astro';
import { paperDocument } from '../lib/abstracts.ts';
import type { Listing } from '../lib/collection.ts';
import { siteUrl } from '../lib/site-url.ts';
import { renderDigest } from './digest.ts';

const types = { html: 'text/html', txt: 'text/plain' };

/** The route of each day's digest in one format: /digest/YYYY-MM-DD.html and .txt. */
export function digestRoute(format: 'html' | 'txt'): APIRoute {
  return ({ props, site }) => {
    const { key, papers } = props.listing as Listing;
    const digest = renderDigest(key, papers.map(paperDocument), siteUrl(site));
    return new Response(format === 'html' ? digest.html : digest.text, { headers: { 'Content-Type': `${types[format]}; charset=utf-8` } });
  };
}
