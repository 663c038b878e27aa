import katex from 'katex';

/**
 * One formula as KaTeX HTML, with MathML for screen readers. The same options serve abstracts
 * (src/markdown/katex.ts) and titles (MathText), so a formula looks alike everywhere.
 */
export function renderTex(tex: string, displayMode = false): string {
  return katex.renderToString(percentAsText(tex), {
    displayMode,
    output: 'htmlAndMathml',
    // Authors' TeX has mistakes (`\db`, `\betaU`): show the source in red rather than fail the build.
    throwOnError: false,
    // Warnings about LaTeX compatibility would only clutter the build log.
    strict: 'ignore',
    // Keep `\href`, `\includegraphics` and `\htmlClass` off: the input is anyone's abstract.
    trust: false,
  });
}

/**
 * Abstracts are unwrapped to one line, so a `%` in an inline formula is a percent sign, never a TeX
 * comment that would swallow the rest of the formula (`${\sim}14%$`).
 */
function percentAsText(tex: string): string {
  return tex.replace(/(?<!\\)%/g, '\\%');
}
