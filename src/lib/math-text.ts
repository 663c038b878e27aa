import { splitMath } from './tex.ts';

export { hasMath } from './tex.ts';

/**
 * A title with TeX as readable plain text, for `<title>`, meta tags, search metadata and feeds:
 * `$\text{Transformer}^2$: Self-adaptive LLMs` becomes `Transformer²: Self-adaptive LLMs`.
 */
export function plainText(text: string): string {
  return splitMath(text)
    .map((segment) => (segment.type === 'math' ? texToPlain(segment.value) : unescapeTex(segment.value)))
    .join('');
}

/** Text outside maths as a reader sees it: arXiv titles write `\$`, `\&`, `\%` and `\ ` for the characters themselves. */
export function unescapeTex(text: string): string {
  return text.replace(/\\([$&%#_{} ])/g, '$1');
}

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const SYMBOLS: Record<string, string> = {
  times: '×', cdot: '·', pm: '±', sim: '~', approx: '≈', le: '≤', leq: '≤', ge: '≥', geq: '≥', neq: '≠',
  to: '→', rightarrow: '→', infty: '∞', ell: 'ℓ', in: '∈',
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', varepsilon: 'ε', eta: 'η', theta: 'θ', kappa: 'κ',
  lambda: 'λ', mu: 'μ', nu: 'ν', pi: 'π', rho: 'ρ', sigma: 'σ', tau: 'τ', phi: 'φ', varphi: 'φ', chi: 'χ', psi: 'ψ', omega: 'ω',
  Gamma: 'Γ', Delta: 'Δ', Theta: 'Θ', Lambda: 'Λ', Pi: 'Π', Sigma: 'Σ', Phi: 'Φ', Psi: 'Ψ', Omega: 'Ω',
};

/** Best-effort plain text of one formula: words of `\text{}` kept, digit powers as superscripts, font commands dropped. */
function texToPlain(tex: string): string {
  return tex
    .replace(/\\(?:text\w*|math\w*|operatorname|mbox|emph|boldsymbol)\s*\{([^{}]*)\}/g, '$1')
    .replace(/\^(?:(\d)|\{(\d+)\})/g, (_, digit?: string, digits?: string) => [...(digit ?? digits ?? '')].map((d) => SUPERSCRIPT_DIGITS[Number(d)]).join(''))
    .replace(/\\(?:math\w*|boldsymbol)\s*/g, '')
    .replace(/\\([a-zA-Z]+)/g, (_, name: string) => SYMBOLS[name] ?? name)
    .replace(/\\([,;:! ])/g, ' ')
    .replace(/\\(.)/g, '$1')
    .replace(/[{}]|_(?=\S)/g, '');
}

/** An abstract (paragraphs split by a blank line, maths as `$tex$`) as plain-text paragraphs, for feeds and email. */
export function plainParagraphs(abstract: string): string[] {
  return abstract.split('\n\n').map(plainText);
}
