import type { AstroIntegration } from 'astro';
import { describe, expect, it } from 'vitest';
import { inOrder } from '../src/integrations/index.ts';

/** A logger that records what each label logged. */
function recordingLogger(label: string, lines: string[]) {
  const logger = { label, fork: (next: string) => recordingLogger(next, lines), info: (message: string) => lines.push(`${label}: ${message}`) };
  return logger;
}

function step(name: string, hooks: string[], ran: string[]): AstroIntegration {
  return {
    name,
    hooks: Object.fromEntries(
      hooks.map((hook) => [
        hook,
        async ({ logger }: { logger: { info(message: string): void } }) => {
          await new Promise((resolve) => setTimeout(resolve, name === 'first' ? 5 : 0));
          ran.push(`${hook} ${name}`);
          logger.info(hook);
        },
      ]),
    ),
  };
}

describe('the build as one integration', () => {
  it('runs each hook of its steps one after the other, in the order the steps are listed, a slow step too', async () => {
    const ran: string[] = [];
    const build = inOrder('build', [step('first', ['astro:config:done', 'astro:build:done'], ran), step('second', ['astro:build:done'], ran), step('third', ['astro:config:done', 'astro:build:done'], ran)]);
    const lines: string[] = [];
    const params = { logger: recordingLogger('build', lines) } as never;
    await (build.hooks['astro:config:done'] as (params: never) => Promise<void>)(params);
    await (build.hooks['astro:build:done'] as (params: never) => Promise<void>)(params);
    expect(ran).toEqual(['astro:config:done first', 'astro:config:done third', 'astro:build:done first', 'astro:build:done second', 'astro:build:done third']);
    expect(Object.keys(build.hooks).sort()).toEqual(['astro:build:done', 'astro:config:done']);
  });

  it('gives each step Astro\'s logger under the step\'s own name, as Astro would were the steps listed apart', async () => {
    const lines: string[] = [];
    const build = inOrder('build', [step('daily-papers:pagefind', ['astro:build:done'], [])]);
    await (build.hooks['astro:build:done'] as (params: never) => Promise<void>)({ logger: recordingLogger('build', lines) } as never);
    expect(lines).toEqual(['daily-papers:pagefind: astro:build:done']);
  });
});
