import { defineConfig } from 'vitest/config';

// Two projects: `unit` runs in seconds on its own (`npx vitest run --project unit`); `site`
// needs the fixture and sample sites that its global setup builds once, before any test.
export default defineConfig({
  test: {
    projects: [
      {
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/site/**'], testTimeout: 60_000, hookTimeout: 60_000 },
      },
      {
        test: {
          name: 'site',
          include: ['test/site/**/*.test.ts', 'e2e/**/*.test.ts'],
          globalSetup: ['test/support/build-sites.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
