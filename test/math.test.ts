import { beforeAll, describe, expect, it } from 'vitest';
import { hasMath, splitMath, type MathSegment } from '../src/lib/tex.ts';
import { readRealTexts, type RealText } from './support/real-texts.ts';

const maths = (text: string) => splitMath(text).filter((segment) => segment.type === 'math').map((segment) => segment.value);
const where = ({ id, field }: RealText) => `${id} ${field}`;

describe('inline maths in the real titles and abstracts', () => {
  let texts: RealText[];
  let delimited: RealText[];

  beforeAll(() => {
    texts = readRealTexts();
    delimited = texts.filter(({ text }) => text.includes('$') || text.includes('\\('));
  });

  it('lists, for every title and abstract with a dollar or \\(, the maths it finds (review the file when it changes)', async () => {
    expect(delimited.length).toBeGreaterThan(200);
    const lines = delimited
      .map((text) => `${where(text)}: ${maths(text.text).map((tex) => `$${tex}$`).join('  ') || 'text only'}`)
      .sort();
    await expect(`${lines.join('\n')}\n`).toMatchFileSnapshot('fixtures/math/real-data.txt');
  });

  it('finds maths in the Hugging Face data only in the four LaTeX titles and the one \\(...\\) abstract: every other dollar there is a price', () => {
    const hfIds = new Set(['2501.06252', '2502.12084', '2502.15681', '2503.04725', '2606.02641']);
    const withMath = delimited.filter((text) => hasMath(text.text)).map(where);
    expect(withMath.filter((name) => hfIds.has(name.split(' ')[0]))).toEqual([
      '2501.06252 title', '2502.12084 title', '2502.15681 title', '2503.04725 title', '2606.02641 abstract',
    ]);
  });

  it.each([
    ['2502.12115', 'SWE-Lancer: Can Frontier LLMs Earn $1 Million from Real-World Freelance Software Engineering?'],
    ['2510.19600', 'Human-Agent Collaborative Paper-to-Page Crafting for Under $0.1'],
    ['2503.09642', 'Open-Sora 2.0: Training a Commercial-Level Video Generation Model in $200k'],
    ['2505.13103', 'Fixing 7,400 Bugs for 1$: Cheap Crash-Site Program Repair'],
    ['2603.07980', '\\$OneMillion-Bench: How Far are Language Agents from Human Experts?'],
  ])('keeps the price in the title of %s as text: %s', (id, title) => {
    expect(texts.some((text) => text.id === id && text.text === title)).toBe(true);
    expect(splitMath(title)).toEqual([{ type: 'text', value: title }]);
  });

  it.each<[string, MathSegment[]]>([
    ['$\\text{Transformer}^2$: Self-adaptive LLMs', [{ type: 'math', value: '\\text{Transformer}^2' }, { type: 'text', value: ': Self-adaptive LLMs' }]],
    ['U$^2$Mamba: A Two-level Nested U-structure Mamba for Salient Object Detection', [
      { type: 'text', value: 'U' }, { type: 'math', value: '^2' }, { type: 'text', value: 'Mamba: A Two-level Nested U-structure Mamba for Salient Object Detection' },
    ]],
    ['One-step Diffusion Models with $f$-Divergence Distribution Matching', [
      { type: 'text', value: 'One-step Diffusion Models with ' }, { type: 'math', value: 'f' }, { type: 'text', value: '-Divergence Distribution Matching' },
    ]],
    ['Structure of kissing arrangements in ${\\mathbb R}^{12}$ and a place for the $841$st sphere', [
      { type: 'text', value: 'Structure of kissing arrangements in ' }, { type: 'math', value: '{\\mathbb R}^{12}' },
      { type: 'text', value: ' and a place for the ' }, { type: 'math', value: '841' }, { type: 'text', value: 'st sphere' },
    ]],
    ['Quantum Codes with Transversal $CCZ$ Gates and Sublinear $Z$-Stabilizers', [
      { type: 'text', value: 'Quantum Codes with Transversal ' }, { type: 'math', value: 'CCZ' }, { type: 'text', value: ' Gates and Sublinear ' },
      { type: 'math', value: 'Z' }, { type: 'text', value: '-Stabilizers' },
    ]],
    ['Does My Embedding Reflect That $A = B$? Evaluating Mathematical Equivalence in Embedding Models', [
      { type: 'text', value: 'Does My Embedding Reflect That ' }, { type: 'math', value: 'A = B' }, { type: 'text', value: '? Evaluating Mathematical Equivalence in Embedding Models' },
    ]],
  ])('reads the LaTeX of a real title as maths: %s', (title, segments) => {
    expect(texts.some((text) => text.field === 'title' && text.text === title)).toBe(true);
    expect(splitMath(title)).toEqual(segments);
  });

  it('reads \\(...\\) as maths, as the one Hugging Face abstract that uses it writes it (2606.02641)', () => {
    const abstract = texts.find((text) => text.id === '2606.02641' && text.field === 'abstract')!.text;
    expect(maths(abstract)).toEqual(['B_j(s) = β(π_j)α_j^{\\max}(s)']);
  });

  it('reads $$...$$ inside a paragraph as inline maths, without the spaces around it (2606.24471)', () => {
    const abstract = texts.find((text) => text.id === '2606.24471' && text.field === 'abstract')!.text;
    expect(abstract).toContain('$$ |C\\cap B|=');
    expect(maths(abstract)).toContain('|C\\cap B|=(1\\pm o(1))\\frac{|C||B|}{q^n}');
  });

  it('reads a TeX command right before a number as maths, as arXiv abstracts write "256$\\times$256"', () => {
    const abstract = texts.find((text) => text.id === '2606.20076' && text.field === 'abstract')!.text;
    expect(abstract).toContain('256$\\times$256');
    expect(maths(abstract)).toContain('\\times');
  });

  it('leaves a formula written with spaces inside its dollars as text, the one doubtful case of the data (2606.23849)', () => {
    const abstract = texts.find((text) => text.id === '2606.23849' && text.field === 'abstract')!.text;
    expect(abstract).toContain('$ (H(X|W), H(Y|W), I(X:Y|W)) $');
    expect(maths(abstract)).toEqual(['(X,Y)', 'W', 'X', 'Y']);
  });

  it.each([
    'Costs fell from $5 and $10 to $2.',
    'A lone $ sign, and 87-$89% of proposals.',
    'Escaped \\$x^2\\$ dollars stay text.',
    'Words between dollars $in a sentence like this$ are prose.',
    'Spaces inside $ x^2 $ are not maths.',
    'A prize of $5 million, or a formula $',
    // 2510.19600 ends "released at https://mqleet.github.io/AutoPage_ProjectPage/{Webpage}$." with its price lost upstream; had it kept one:
    'Pages for less than $0.1. Code at https://mqleet.github.io/AutoPage_ProjectPage/{Webpage}$.',
  ])('keeps prices, lone and escaped dollars and prose between dollars as text: %s', (text) => {
    expect(splitMath(text)).toEqual([{ type: 'text', value: text }]);
  });

  it('gives back, between the maths, every character of the text as it was written', () => {
    for (const { text } of delimited) {
      let at = 0;
      for (const segment of splitMath(text)) {
        if (segment.type === 'text') {
          expect(text.slice(at, at + segment.value.length)).toBe(segment.value);
          at += segment.value.length;
        } else {
          const delimited = /^(\$\$?|\\\()\s*/.exec(text.slice(at))!;
          at += delimited[0].length;
          expect(text.slice(at, at + segment.value.length)).toBe(segment.value);
          at += segment.value.length;
          at += /^\s*(\$\$?|\\\))/.exec(text.slice(at))![0].length;
        }
      }
      expect(at).toBe(text.length);
    }
  });

  it('finds the same maths again once each formula is written back between single dollars, as ingest stores it', () => {
    for (const { text } of texts) {
      const segments = splitMath(text);
      const rewritten = segments.map((segment) => (segment.type === 'math' ? `$${segment.value}$` : segment.value)).join('');
      expect(splitMath(rewritten), text).toEqual(segments);
    }
  });
});
