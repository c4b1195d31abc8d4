import { defineConfig } from 'vitest/config';

/**
 * Shared by the packages whose tests start a real Temporal dev server and use real PostgreSQL:
 * generous timeouts for start-up, and one file at a time (each file starts its own server).
 */
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
