import { describe, expect, it } from 'vitest';
import { isGitHubUrl, isRenderableUrl } from '../src/lib/links.ts';

describe('which links are rendered', () => {
  it.each(['https://github.com/QwenLM/Qwen-AgentWorld', 'http://arxiv.org/abs/2606.24597', 'https://münchen.example/paper', 'https://gameworld-bench.github.io'])('keeps %s', (url) => {
    expect(isRenderableUrl(url)).toBe(true);
  });

  // The first is a real abstract's TeX line-break hint inside a URL (2511.06805).
  it.each(['https://zheny2751\\allowbreak-dotcom.github.io/\\allowbreak', 'javascript:alert(1)', 'mailto:someone@example.org', 'ftp://example.org/x', 'https://', 'https://exa mple.org', 'https://github.com@evil.example/x', 'https://user:pass@example.org/'])('drops %s', (url) => {
    expect(isRenderableUrl(url)).toBe(false);
  });

  it.each([
    ['https://github.com/QwenLM/Qwen-AgentWorld', true],
    ['https://www.github.com/a/b', true],
    ['https://gitlab.com/a/b', false],
    ['https://github.com.evil.example/a/b', false],
    ['https://github.com@evil.example/a/b', false],
  ])('says whether %s is a code link to GitHub itself', (url, expected) => {
    expect(isGitHubUrl(url)).toBe(expected);
  });
});
