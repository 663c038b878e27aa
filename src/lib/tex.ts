/**
 * Finds inline TeX maths in a title or an abstract. Authors write `$x^2$` and `\(x^2\)`, but the
 * same text also holds prices ("Earn $1 Million", "Under $0.1"), so a pair of dollars counts as
 * maths only when it is shaped like TeX. Rendering prose as maths is worse than leaving maths as
 * text, so every doubt resolves to text.
 */

/** A run of text as written, or the TeX source of one inline formula (without its delimiters). */
export type MathSegment = { type: 'text'; value: string } | { type: 'math'; value: string };

/** Splits `text` into text and maths; the text segments keep every character, escapes included. */
export function splitMath(text: string): MathSegment[] {
  const segments: MathSegment[] = [];
  let textStart = 0;
  let i = 0;
  while (i < text.length) {
    const found = text.startsWith('\\(', i) ? parenMath(text, i) : text[i] === '$' ? dollarMath(text, i) : undefined;
    if (found?.tex !== undefined) {
      if (i > textStart) segments.push({ type: 'text', value: text.slice(textStart, i) });
      segments.push({ type: 'math', value: found.tex });
      i = textStart = found.end;
    } else if (found) {
      i = found.end;
    } else {
      // A backslash escapes the next character: `\$` is a dollar, never a delimiter.
      i += text[i] === '\\' ? 2 : 1;
    }
  }
  if (textStart < text.length) segments.push({ type: 'text', value: text.slice(textStart) });
  return segments;
}

/** Whether `text` holds any inline maths. */
export function hasMath(text: string): boolean {
  return (text.includes('$') || text.includes('\\(')) && splitMath(text).some((segment) => segment.type === 'math');
}

/** Where scanning resumes after a delimiter, with the TeX it opened, if it opened maths. */
interface Found {
  tex?: string;
  end: number;
}

/** `$tex$` or `$$tex$$` starting at `start`. */
function dollarMath(text: string, start: number): Found {
  const run = dollarRun(text, start);
  if (run === 1) {
    // Pandoc's rule, which keeps "$5 and $10" text: no space inside either dollar (and see isFormula on digits).
    const close = nextDollar(text, start + 1);
    if (close === -1 || dollarRun(text, close) !== 1) return { end: start + 1 };
    const tex = text.slice(start + 1, close);
    return tex.trim() === tex && isFormula(tex, text[close + 1]) ? { tex, end: close + 1 } : { end: start + 1 };
  }
  if (run === 2) {
    const close = text.indexOf('$$', start + 2);
    if (close === -1 || dollarRun(text, close) !== 2) return { end: start + 2 };
    const tex = text.slice(start + 2, close).trim();
    return isFormula(tex, text[close + 2]) ? { tex, end: close + 2 } : { end: start + 2 };
  }
  return { end: start + run };
}

/** `\(tex\)` starting at `start`; it is stored as `$tex$`, so it must pass the same test. */
function parenMath(text: string, start: number): Found {
  const close = text.indexOf('\\)', start + 2);
  if (close === -1) return { end: start + 2 };
  const tex = text.slice(start + 2, close).trim();
  return isFormula(tex, text[close + 2]) ? { tex, end: close + 2 } : { end: start + 2 };
}

function dollarRun(text: string, at: number): number {
  let end = at;
  while (text[end] === '$') end++;
  return end - at;
}

/** The next `$` at or after `from` that a backslash does not escape, or -1. */
function nextDollar(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '$') return i;
  }
  return -1;
}

/** Commands whose braced argument is words, not maths: `\text{Transformer}` is not prose. */
const TEXT_ARGUMENT = /\\(?:text\w*|math\w*|operatorname|mbox|emph)\s*\{[^{}]*\}/g;
/** Two words in a row: prose, such as "Under $0.1 ... Webpage}$" read as one formula. */
const PROSE = /\p{L}{2,}[,;:.!?]?\s+\p{L}{2,}/u;
/** Characters that mark TeX: a command, a superscript, a subscript or a group. */
const TEX_MARK = /[\\^_{]/;
/** A short formula with no TeX mark: letters, digits and operators, such as `N=656`, `O(n)`, `f`. */
const PLAIN_FORMULA = /^[\p{L}\p{N}\s=<>+\-−*/().,:;|'!\[\]]{1,30}$/u;

/** Whether `tex`, followed by the character `after`, reads as a formula rather than prose or prices. */
function isFormula(tex: string, after: string | undefined): boolean {
  if (tex === '' || tex.includes('$') || tex.includes('\n\n')) return false;
  const bare = tex.replace(TEXT_ARGUMENT, ' ').replace(/\\[a-zA-Z]+/g, ' ');
  if (PROSE.test(bare)) return false;
  // `2$\times$2` is maths; a digit after a closing dollar is otherwise a price ("$5 and $10").
  if (TEX_MARK.test(tex)) return true;
  if (after !== undefined && /\d/.test(after)) return false;
  if (!PLAIN_FORMULA.test(tex) || !/\s/.test(tex)) return PLAIN_FORMULA.test(tex);
  // Spaced out, it is a formula only with variables: single letters ("r = 0.76"), or short names in a relation ("N>K+t, K=Mt").
  return !/\p{L}{2,}/u.test(tex) || (/[=<>]/.test(tex) && !/\p{L}{3,}/u.test(tex));
}
