// ESLint for the whole monorepo (`npm run lint`, run by `npm test`): a few rules that catch bugs and
// the house rules of STYLE.md, never layout — Prettier owns layout, and eslint-config-prettier (last)
// turns off whatever stylistic rule a preset brings, so the two never disagree.
import { builtinModules } from 'node:module';
import { defineConfig, globalIgnores } from 'eslint/config';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import guanai from './eslint-rules/no-cross-package-relative.mjs';

const TS = '**/*.{ts,tsx,mts,cts}';
const JS = '**/*.{js,mjs,cjs}';

// TypeScript files that no package's tsconfig includes: linted without type information.
const UNTYPED_TS = ['{prisma,workflows,api}/vitest.config.ts', 'devtools/**/*.d.mts'];

// ── Workflow sandbox ──────────────────────────────────────────────────────────────────────────────
// What the bundle entry `workflows/src/workflows.ts` reaches runs inside Temporal's sandbox (a V8
// context without Node's modules, replayed from history, so it must be deterministic).
// The workflow functions themselves: Temporal replaces `Date` (`Date.now()`, `new Date()` read the
// workflow task's time, recorded in history), `Math.random` (seeded per run) and `setTimeout`
// (a durable timer) with deterministic versions, so those stay allowed here.
const WORKFLOW_FILES = [
  'workflows/src/workflows.ts',
  'workflows/src/case/workflow.ts',
  'workflows/src/disclosure/workflow.ts',
  'workflows/src/handover/workflow.ts',
  'bench/src/bare/workflows.ts', // the benchmark's bare Update round trip, bundled the same way
  'bench/src/scale/patched-workflows.ts', // npm run scale's rolling upgrade: the next case workflow version
];
// The pure modules the workflows host: the machine, its rules, timers and SLA policy also run in
// unit tests, in the API (`refusalOf`) and in the browser, where nothing replaces the clock. Time
// arrives in events (`at`) and as the workflow's `now`, so these read no clock and draw no random.
const PURE_FILES = [
  'workflows/src/case/machine.ts',
  'workflows/src/case/chart.ts',
  'workflows/src/case/rules.ts',
  'workflows/src/case/timers.ts',
  'workflows/src/case/types.ts',
  'workflows/src/case/messages.ts',
  'workflows/src/case/projection.ts',
  'workflows/src/sla/**/*.ts',
  'workflows/src/disclosure/period.ts',
  'workflows/src/handover/messages.ts',
  'workflows/src/vocabulary.ts',
];
// Not sandbox code: disclosure/snapshot.ts (node:crypto; imported by the disclosure activities and
// the API, never by a workflow), */activities.ts, worker.ts, client.ts, index.ts and faults.ts.

const SANDBOX = 'Workflow code runs in a sandbox with neither Node built-ins nor I/O';
const sandboxImports = (extra = []) => ({
  paths: [
    ...builtinModules.map((name) => ({ name, message: `${SANDBOX}.` })),
    ...['@guanai/db', '@prisma/client', 'pg', 'pino'].map((name) => ({
      name,
      message: `${SANDBOX}: reach the database through an activity.`,
      allowTypeImports: true,
    })),
    ...['@temporalio/activity', '@temporalio/client', '@temporalio/worker', '@temporalio/testing'].map((name) => ({
      name,
      message: `${SANDBOX}: only @temporalio/workflow belongs in it.`,
      allowTypeImports: true,
    })),
    ...extra,
  ],
  patterns: [
    { group: ['node:*'], message: `${SANDBOX}.` },
    // `import type` the activities and call them through proxyActivities (STYLE.md, Workflows).
    {
      group: ['**/activities', '**/activities.ts'],
      message: `${SANDBOX}: import type the activities, call them through proxyActivities.`,
      allowTypeImports: true,
    },
  ],
});
const noTimerGlobals = [
  { name: 'setInterval', message: 'Not replaced in the workflow sandbox: loop on sleep() or condition() instead.' },
  { name: 'setImmediate', message: 'Not available in the workflow sandbox.' },
  { name: 'performance', message: 'A wall clock: not deterministic on replay.' },
  { name: 'crypto', message: 'Not deterministic on replay: use uuid4() from @temporalio/workflow in a workflow.' },
  { name: 'process', message: 'The sandbox has no process: pass configuration in the workflow input.' },
];

export default defineConfig(
  globalIgnores([
    '**/node_modules/',
    '**/dist/',
    '**/generated/',
    '**/.turbo/',
    '.data/',
    '.cache/',
    '**/test-results/',
    'bench/results/',
    'bench/tmp/',
  ]),

  // The correctness rules of typescript-eslint's recommended set (it has no layout rules).
  tseslint.configs.recommended,
  {
    name: 'guanai/recommended-tuning',
    rules: {
      // `_name` marks a value left out on purpose (`const { sla: _sla, ...data } = context`).
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    name: 'guanai/type-aware',
    files: [TS],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // A promise nobody awaits loses its rejection. `void promise` stays allowed: it says "not
      // awaited on purpose" (and should sit next to a comment saying who handles the failure).
      '@typescript-eslint/no-floating-promises': 'error',
      // A promise where a void callback is expected (an event emitter, Array#forEach, a timer) is a
      // floating promise too. JSX attributes are exempt: react-admin's forms and buttons take async
      // handlers (`onSubmit={save}`), and React ignores what they return.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      // Awaiting something that is not a promise is a sign the call is not what the reader thinks.
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    name: 'guanai/untyped',
    files: [JS, ...UNTYPED_TS],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
  {
    // No relative import leaves its package (the npm workspaces; the rest is the root's): another
    // package is imported by its name and `exports` (see README, "Lint and format").
    name: 'guanai/packages',
    plugins: { guanai },
    rules: { 'guanai/no-cross-package-relative': 'error' },
  },
  {
    // The Rules of Hooks and the React Compiler's checks (purity, refs, set-state in effects …),
    // all as errors.
    name: 'guanai/react',
    files: ['admin/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: Object.fromEntries(
      Object.keys(reactHooks.configs['recommended-latest'].rules).map((rule) => [rule, 'error']),
    ),
  },
  {
    name: 'guanai/workflow-sandbox',
    files: [...WORKFLOW_FILES, ...PURE_FILES],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': ['error', sandboxImports()],
      'no-restricted-globals': [
        'error',
        ...noTimerGlobals,
        // Temporal's setTimeout is a durable timer, but it does not follow cancellation scopes.
        { name: 'setTimeout', message: 'Use sleep() or condition(fn, timeout) from @temporalio/workflow.' },
      ],
    },
  },
  {
    name: 'guanai/pure',
    files: PURE_FILES,
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'Date',
          property: 'now',
          message: 'Pure code reads no clock: take the time from the event (`at`) or a `now` argument.',
        },
        { object: 'Math', property: 'random', message: 'Pure code draws no random numbers: take them as an argument.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Pure code reads no clock: `new Date(at)` from the event, never `new Date()`.',
        },
        {
          selector: "CallExpression[callee.name='Date']",
          message: 'Pure code reads no clock: `Date(…)` is the current time as a string, whatever its arguments.',
        },
      ],
    },
  },
  {
    // The machine, its rules, timers and the SLA policy hold no Temporal API either. messages.ts is
    // the exception: defineUpdate/defineQuery only name messages, and the API imports them too.
    name: 'guanai/pure-without-temporal',
    files: PURE_FILES.filter((file) => !file.endsWith('/messages.ts')),
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        sandboxImports([
          {
            name: '@temporalio/workflow',
            message: 'The machine and its rules know nothing of Temporal.',
            allowTypeImports: true,
          },
        ]),
      ],
    },
  },

  prettier,
);
