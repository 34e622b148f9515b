import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The resilience suite is long and has its own run: npm run test:resilience.
    exclude: ['**/node_modules/**', 'test/resilience/**'],
    // Native addons (hnswlib, better-sqlite3) and the tfjs encoder are not fork-safe across threads.
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
