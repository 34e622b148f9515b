import { defineConfig } from 'vitest/config';

/**
 * `npm run test:resilience`: red team, upstream faults, crash safety and fuzzing. RESILIENCE_MODE=short
 * (or CI=true) shortens the loops; the figures go to bench/results/resilience.md.
 */
export default defineConfig({
  test: {
    include: ['test/resilience/**/*.test.ts'],
    pool: 'forks',
    // Files share the temp corpus builder and write one report each; running them one by one keeps the
    // kill -9 timings honest on a 2-core machine.
    fileParallelism: false,
    testTimeout: 600_000,
    hookTimeout: 300_000,
    globalSetup: ['test/resilience/support/resilience-report.ts'],
  },
});
