import { splitMath } from './tex.ts';

/**
 * How a value is written into a braced BibTeX field so that it stays that one field, whatever the
 * record holds. BibTeX ends a field at the brace that balances its opening one and counts every
 * brace, a backslashed one too (BibTeX 0.99d reads `title={a \} b}, note={x}` as the title
 * `a \` and drops the note), while Zotero's parser and others skip a backslashed brace. So
 * escaping braces as `\{` and `\}` would not do: a value is one field under both readings only
 * when its `{` pair up with its `}`, and its `\{` with its `\}`.
 */

type Mode = 'text' | 'math';

/** What a brace without its pair, or a backslash with nothing after it, is written as: the character itself, in text or in maths. */
const LONE: Record<Mode, Record<'{' | '}' | '\\', string>> = {
  text: { '{': '\\textbraceleft{}', '}': '\\textbraceright{}', '\\': '\\textbackslash{}' },
  math: { '{': '\\lbrace ', '}': '\\rbrace ', '\\': '\\backslash ' },
};

/** TeX's tokens as far as braces go: a command (`\text`, `\&`, `\{`, a lone `\` at the end), or one character. */
const TOKEN = /\\(?:[a-zA-Z]+|.)?|./gsu;

/**
 * A title, an author's name or a category as TeX for a field. The text is TeX source, as arXiv's
 * own export takes it: maths (where the site finds it, src/lib/tex.ts) stays maths, commands
 * (`\"{o}`, `\text{...}`) and balanced groups (`{BERT}`) stay as written. Only what would end the
 * field or break TeX is changed: a brace without its pair becomes the character, as do a trailing
 * backslash, and `&`, `%`, `#` and (outside maths) `$` are escaped unless already.
 */
export function texValue(text: string): string {
  return splitMath(text)
    .map((segment) => (segment.type === 'math' ? `$${texSegment(segment.value, 'math')}$` : texSegment(segment.value, 'text')))
    .join('');
}

/** One text or maths segment: a group cannot span the dollar between them, so each is balanced on its own. */
function texSegment(tex: string, mode: Mode): string {
  const tokens = tex.match(TOKEN) ?? [];
  const lone = unpaired(tokens);
  return tokens
    .map((token, i) => {
      if (lone.has(i)) return LONE[mode][token.at(-1) as '{' | '}'];
      if (token === '\\') return LONE[mode]['\\'];
      if (token === '&' || token === '%' || token === '#' || (token === '$' && mode === 'text')) return `\\${token}`;
      return token;
    })
    .join('');
}

/** The indexes of the brace tokens without a pair: `{` pairs with `}`, and `\{` with `\}`, each kind on its own. */
function unpaired(tokens: readonly string[]): Set<number> {
  const open: Record<string, number[]> = { '{': [], '\\{': [] };
  const lone = new Set<number>();
  tokens.forEach((token, i) => {
    if (token === '{' || token === '\\{') open[token].push(i);
    else if ((token === '}' || token === '\\}') && open[token.replace('}', '{')].pop() === undefined) lone.add(i);
  });
  for (const index of Object.values(open).flat()) lone.add(index);
  return lone;
}

/**
 * An author's name for the `author` field, whose names BibTeX splits at each ` and `: a name that
 * holds the word itself is braced whole, so it stays one name.
 */
export function authorValue(name: string): string {
  const tex = texValue(name);
  return /(?:^|\s)and(?:\s|$)/i.test(tex) ? `{${tex}}` : tex;
}

/**
 * An identifier or an address (`doi`, `url`, `eprint`, `year`), which reference managers read
 * verbatim: a TeX command would become part of the DOI. Its braces, backslashes and dollars
 * (which Zotero's parser pairs even there) are percent-encoded instead, as in any URL:
 * `10.1234/a%7D` resolves as `10.1234/a}` does.
 */
export function verbatimValue(text: string): string {
  return text.replace(/[{}\\$]/g, (character) => encodeURIComponent(character));
}
