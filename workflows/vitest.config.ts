export { default } from '../vitest.integration.mts';
