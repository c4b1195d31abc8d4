import { defineConfig } from 'vitest/config';

/** Browser end-to-end tests: the whole system started as `npm start` starts it, driven in Chromium. */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
