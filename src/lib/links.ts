/**
 * Whether a link may be rendered: http or https, a host name made of what host names are made
 * of (letters, digits, dots and hyphens after IDNA), so text such as
 * `https://example\allowbreak-dotcom.github.io` in an abstract never becomes a broken link, and
 * no user name or password: `https://github.com@evil.example/x` reads as GitHub and goes to
 * evil.example.
 */
export function isRenderableUrl(text: string): boolean {
  // A backslash or space parses (browsers repair them) but is no valid URL: it is TeX or prose.
  if (!/^https?:\/\//i.test(text) || /[\\\s]/.test(text) || !URL.canParse(text)) return false;
  const url = new URL(text);
  return url.username === '' && url.password === '' && /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/i.test(url.hostname);
}

/** Whether a link is a renderable link to GitHub itself, as a "Code on GitHub" link promises. */
export function isGitHubUrl(text: string): boolean {
  return isRenderableUrl(text) && ['github.com', 'www.github.com'].includes(new URL(text).hostname.toLowerCase());
}
