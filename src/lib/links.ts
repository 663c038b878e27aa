/**
 * Whether a link may be rendered: http or https, a host name made of what host names are made
 * of (letters, digits, dots and hyphens after IDNA), so text such as
 * `https://example\allowbreak-dotcom.github.io` in an abstract never becomes a broken link.
 */
export function isRenderableUrl(text: string): boolean {
  // A backslash or space parses (browsers repair them) but is no valid URL: it is TeX or prose.
  if (!/^https?:\/\//i.test(text) || /[\\\s]/.test(text) || !URL.canParse(text)) return false;
  return /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/i.test(new URL(text).hostname);
}
