import { beforeAll, describe, expect, it } from 'vitest';
import { hasMath, plainText } from '../src/lib/math-text.ts';
import { readRealTexts } from './support/real-texts.ts';

describe('the plain text of a title, for <title>, meta tags and feeds', () => {
  let titles: string[];
  beforeAll(() => {
    titles = readRealTexts().filter((text) => text.field === 'title').map((text) => text.text);
  });

  it.each([
    ['$\\text{Transformer}^2$: Self-adaptive LLMs', 'Transformer²: Self-adaptive LLMs'],
    ['U$^2$Mamba: A Two-level Nested U-structure Mamba for Salient Object Detection', 'U²Mamba: A Two-level Nested U-structure Mamba for Salient Object Detection'],
    ['Structure of kissing arrangements in ${\\mathbb R}^{12}$ and a place for the $841$st sphere', 'Structure of kissing arrangements in R¹² and a place for the 841st sphere'],
    ['A Unified Framework for Vision Transformers Equivariant to Discrete Subgroups of $\\mathrm{O}(2)$', 'A Unified Framework for Vision Transformers Equivariant to Discrete Subgroups of O(2)'],
    ['\\$OneMillion-Bench: How Far are Language Agents from Human Experts?', '$OneMillion-Bench: How Far are Language Agents from Human Experts?'],
    ['SWE-Lancer: Can Frontier LLMs Earn $1 Million from Real-World Freelance Software Engineering?', 'SWE-Lancer: Can Frontier LLMs Earn $1 Million from Real-World Freelance Software Engineering?'],
  ])('reads the real title %s as %s', (title, plain) => {
    expect(titles).toContain(title);
    expect(plainText(title)).toBe(plain);
  });

  it('leaves no dollar delimiter, backslash or brace of TeX in the plain text of any real title with maths', () => {
    const withMath = titles.filter(hasMath);
    expect(withMath.length).toBe(19);
    for (const title of withMath) expect(plainText(title), title).not.toMatch(/[\\{}]|\$\S.*\S\$/);
  });

  it('changes a real title without maths only by undoing the escapes of \\$, \\& and the like', () => {
    for (const title of titles.filter((t) => !hasMath(t))) expect(plainText(title), title).toBe(title.replace(/\\([$&%#_{} ])/g, '$1'));
  });
});
