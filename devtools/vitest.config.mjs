import { defineConfig } from 'vitest/config';

/** The tooling's own tests: fast, no services. */
export default defineConfig({ test: { include: ['*.test.mjs'] } });
