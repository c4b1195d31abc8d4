export { default } from '../vitest.integration.ts';
