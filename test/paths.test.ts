import { describe, expect, it } from 'vitest';
import { outputFile, paths } from '../src/lib/paths.ts';

describe('the file a build writes for a path', () => {
  it("is a folder's index.html, the site's root included", () => {
    expect(outputFile(paths.home())).toBe('index.html');
    expect(outputFile(paths.paper('2501.00001'))).toBe('papers/2501.00001/index.html');
  });

  it('is the named file for a path that is not a folder', () => {
    expect(outputFile(paths.topicFeed('video-generation'))).toBe('topics/video-generation/rss.xml');
    expect(outputFile(paths.dataDay('2026-06-24'))).toBe('data/days/2026-06-24.json');
    expect(outputFile(paths.dataMonth('2026-06'))).toBe('data/months/2026-06.json.gz');
  });

  it('has every segment decoded as the path encoded it, reserved characters too', () => {
    for (const name of ['视频生成', 'c++', 'a#b', 'x?y', '50%']) {
      expect(outputFile(paths.topicFeed(name))).toBe(`topics/${name}/rss.xml`);
      expect(outputFile(paths.organization(name))).toBe(`orgs/${name}/index.html`);
    }
  });
});
