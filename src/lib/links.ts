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

/**
 * An image's address if a page may load it: over https only, as the CSP allows (img-src https:).
 * A record's plain-http image would be blocked on an https site; it is left out instead.
 */
export function loadableImage(url: string | undefined): string | undefined {
  return url !== undefined && /^https:\/\//i.test(url) && isRenderableUrl(url) ? url : undefined;
}
