export { default } from '@guanai/devtools/vitest-integration';
