/**
 * The `_headers` file Netlify and Cloudflare Pages read: blocks of a URL pattern, then indented
 * `Name: value` lines. A `*` in a pattern matches anything, a `:name` one path segment. A request
 * gets the headers of every rule it matches; a header named by several is joined with commas, as
 * Cloudflare Pages does, which is why the rules the build writes never name one header twice for
 * one path.
 */
export interface HeaderRule {
  path: string;
  headers: [name: string, value: string][];
}

export function formatHeadersFile(rules: readonly HeaderRule[]): string {
  return rules.map((rule) => [rule.path, ...rule.headers.map(([name, value]) => `  ${name}: ${value}`)].join('\n')).join('\n\n') + '\n';
}

/** The rules of a `_headers` file; comments, blank lines and Cloudflare's `! Name` detach lines are skipped. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('!')) continue;
    if (!/^\s/.test(line)) rules.push({ path: trimmed, headers: [] });
    else {
      const colon = trimmed.indexOf(':');
      if (colon > 0 && rules.length > 0) rules.at(-1)!.headers.push([trimmed.slice(0, colon).trim(), trimmed.slice(colon + 1).trim()]);
    }
  }
  return rules;
}

/** The headers a host sends with `pathname`: those of every rule it matches, in file order. */
export function headersFor(rules: readonly HeaderRule[], pathname: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const rule of rules) {
    if (!patternOf(rule.path).test(pathname)) continue;
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      headers.set(key, headers.has(key) ? `${headers.get(key)}, ${value}` : value);
    }
  }
  return headers;
}

function patternOf(path: string): RegExp {
  const source = path
    .split(/(\*|:\w+)/)
    .map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`);
}
