import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Tests run on 2 cores in CI: forks keep them apart without oversubscribing.
    pool: 'forks',
    testTimeout: 30_000,
  },
});
