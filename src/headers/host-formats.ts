import type { HeaderRule } from './headers-file.ts';

/**
 * The rule of `_headers` that sets the CSP and the other security headers on the whole site,
 * for hosts that do not read `_headers`. Their caching rules do not change from build to build,
 * so docs/deploy.md writes them out; these change whenever the site's inline scripts do.
 */
export function siteWideRule(rules: readonly HeaderRule[]): { base: string; headers: HeaderRule['headers'] } {
  const rule = rules.findLast((candidate) => candidate.path.endsWith('/*') && candidate.headers.some(([name]) => name.toLowerCase() === 'content-security-policy'));
  if (!rule) throw new Error('no rule of _headers sets a Content-Security-Policy on the whole site: is it the one the build wrote?');
  return { base: rule.path.slice(0, -1), headers: rule.headers };
}

/** nginx `add_header` lines, for a snippet every `location` of the site includes (one with an add_header of its own inherits none). */
export function nginxHeaders({ headers }: ReturnType<typeof siteWideRule>): string {
  return headers.map(([name, value]) => `add_header ${name} "${value.replace(/["\\]/g, '\\$&')}" always;`).join('\n') + '\n';
}

/** An entry of vercel.json's `headers`: these headers on every path of the site. */
export function vercelHeaders({ base, headers }: ReturnType<typeof siteWideRule>): { source: string; headers: { key: string; value: string }[] } {
  return { source: `${base}(.*)`, headers: headers.map(([key, value]) => ({ key, value })) };
}
