import { describe, expect, it } from 'vitest';
import { checkLinks } from '../support/link-check.ts';
import { gateBuilds } from '../support/locations.ts';

describe.each(gateBuilds)('the links of the fixture build $name', ({ base, dist }) => {
  it('all lead to a built file and an existing fragment, or off the site over http(s) or mailto', async () => {
    const { problems, checked } = await checkLinks(dist, base);
    expect(problems).toEqual([]);
    // Every page, favicon and fragment of the fixture: a count this low means nothing was crawled.
    expect(checked).toBeGreaterThan(150);
  });
});
