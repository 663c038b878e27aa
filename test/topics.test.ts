import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acronymFits, keywordKey, MIN_TOPIC_PAPERS, PAPERS_PER_TOPIC, TOPICS_AT_LEAST, topicKeys, topicThreshold } from '../src/lib/topics.ts';
import { hfDailyData } from './support/locations.ts';

/** Every paper's keywords in the real Hugging Face days. */
const realKeywordLists: string[][] = readdirSync(hfDailyData).flatMap((file) => (JSON.parse(readFileSync(join(hfDailyData, file), 'utf8')) as { paper: { ai_keywords?: string[] } }[]).map((item) => item.paper.ai_keywords ?? []));

describe('topics', () => {
  it('file the spellings of one keyword under one key: case, hyphens, a plural last word, an "(ACRONYM)" after it', () => {
    for (const [a, b] of [
      ['large language model', 'Large Language Models'],
      ['diffusion transformer', 'diffusion transformers'],
      ['vision-language model', 'Vision Language Models'],
      ['policy', 'policies'],
      ['image patch', 'image patches'],
      ['Group Relative Policy Optimization', 'Group Relative Policy Optimization (GRPO)'],
      ['LLM', 'LLMs'],
    ]) expect(keywordKey(a), `${a} / ${b}`).toBe(keywordKey(b));
    for (const word of ['physics', 'analysis', 'process', 'corpus', 'series', 'bias']) expect(keywordKey(word)).toBe(word);
  });

  it('take an acronym for the initials of its expansion, small words skipped, and nothing else', () => {
    expect(acronymFits('GRPO', 'Group Relative Policy Optimization')).toBe(true);
    expect(acronymFits('RLVR', 'Reinforcement Learning with Verifiable Rewards')).toBe(true);
    expect(acronymFits('MLLMs', 'Multimodal Large Language Models')).toBe(true);
    expect(acronymFits('DiT', 'diffusion transformer')).toBe(true);
    expect(acronymFits('CoT', 'chain-of-thought')).toBe(true);
    expect(acronymFits('RL', 'representation learning model')).toBe(false);
    expect(acronymFits('LLM', 'large models')).toBe(false);
    expect(acronymFits('gpt', 'generative pretrained transformer')).toBe(false);
  });

  it('merge, on the real days, each acronym with the expansion the records pair it with, and keep apart what they do not pair', () => {
    const topicOf = topicKeys(realKeywordLists);
    const same = [
      ['GRPO', 'Group Relative Policy Optimization', 'group relative policy optimization'],
      ['large language model', 'large language models', 'LLMs', 'LLM'],
      ['diffusion transformer', 'diffusion transformers', 'DiT'],
      ['reinforcement learning', 'RL', 'reinforcement learning (RL)'],
      ['chain-of-thought', 'CoT'],
    ];
    for (const spellings of same) expect(new Set(spellings.map(topicOf)), spellings.join(' / ')).toHaveProperty('size', 1);
    expect(topicOf('reinforcement learning')).not.toBe(topicOf('representation learning'));
    expect(topicOf('large language model')).not.toBe(topicOf('multimodal large language model'));
    expect(topicOf('diffusion model')).not.toBe(topicOf('diffusion transformer'));
  });

  it('name a merged topic after whichever of its spellings more papers use', () => {
    const topicOf = topicKeys([['GRPO'], ['GRPO'], ['GRPO', 'Group Relative Policy Optimization'], ['Group Relative Policy Optimization (GRPO)']]);
    expect(topicOf('Group Relative Policy Optimization')).toBe('grpo');
    const other = topicKeys([['Group Relative Policy Optimization'], ['Group Relative Policy Optimization (GRPO)'], ['GRPO']]);
    expect(other('GRPO')).toBe('group-relative-policy-optimization');
  });

  it('give a page to every keyword of three papers or more while topics stay within one per ten papers, and a hundred topics to any site', () => {
    expect(topicThreshold([3, 5, 9], 30)).toBe(MIN_TOPIC_PAPERS);
    expect(topicThreshold([2, 2, 2], 0)).toBe(MIN_TOPIC_PAPERS);
    expect(topicThreshold(Array(TOPICS_AT_LEAST).fill(4), 10)).toBe(MIN_TOPIC_PAPERS);
  });

  it('raise the papers a topic needs when more topics than that would qualify, two topics of one size always faring alike', () => {
    // 1,000 papers allow 100 topics: the 90 of 10 papers fit, with the 20 of 5 they would be 110.
    const sizes = [...Array(90).fill(10), ...Array(20).fill(5), ...Array(10).fill(4), 2, 1];
    expect(topicThreshold(sizes, 1_000)).toBe(6);
    expect(sizes.filter((size) => size >= 6)).toHaveLength(90);
    // The allowance grows by whole thousands of papers: 1,999 allow no more than 1,000, 2,000 allow all 120.
    expect(topicThreshold(sizes, 1_999)).toBe(6);
    expect(topicThreshold(sizes, 2_000)).toBe(MIN_TOPIC_PAPERS);
  });

  it('keep the real archive to one topic per ten papers, and its largest topics among them', () => {
    const topicOf = topicKeys(realKeywordLists);
    const sizes = new Map<string, number>();
    for (const keywords of realKeywordLists) for (const key of new Set(keywords.map(topicOf))) sizes.set(key, (sizes.get(key) ?? 0) + 1);
    const threshold = topicThreshold([...sizes.values()], realKeywordLists.length);
    const kept = [...sizes].filter(([, size]) => size >= threshold);
    expect(kept.length).toBeLessThanOrEqual(realKeywordLists.length / PAPERS_PER_TOPIC);
    expect(kept.length).toBeGreaterThan(realKeywordLists.length / PAPERS_PER_TOPIC / 2);
    expect(kept.map(([key]) => key)).toContain(topicOf('large language model'));
  });
});
