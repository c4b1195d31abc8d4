import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { noCrossPackageRelative, workspacesOf } from './no-cross-package-relative.mjs';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const at = (path) => join(root, path);
const options = [{ root }];
const tester = new RuleTester({ languageOptions: { parser: tseslint.parser } });
const crossing = (from, to) => ({ messageId: 'crossing', data: { from, to } });
/** Fills in each error's `specifier` from the quoted relative path in the case's code. */
const withSpecifier = (cases) =>
  cases.map((c) => {
    const specifier = /'(\.{1,2}\/[^']*)'/.exec(c.code)?.[1];
    return { ...c, errors: c.errors.map((error) => ({ ...error, data: { ...error.data, specifier } })) };
  });

describe('workspacesOf', () => {
  it("reads the packages from the root's package.json", () => {
    const packages = workspacesOf(root);
    for (const name of ['devtools', 'prisma', 'workflows', 'api', 'admin', 'bench']) expect(packages).toContain(name);
    expect(packages).not.toContain('scripts');
  });
});

tester.run('no-cross-package-relative', noCrossPackageRelative, {
  valid: [
    { filename: at('admin/src/dashboards/Board.tsx'), code: "import { x } from './x.ts';", options },
    { filename: at('admin/src/dashboards/Board.tsx'), code: "import { x } from '../providers/x.ts';", options },
    { filename: at('api/src/routes/cases/cases.ts'), code: "export * from '../../errors/app-error.ts';", options },
    { filename: at('api/src/app.ts'), code: "import { caseWorkflow } from '@guanai/workflows';", options },
    // scripts/ is no workspace: it belongs to the root, like eslint.config.mjs and eslint-rules/.
    { filename: at('scripts/test.mjs'), code: "import { ensureDependencies } from './lib/ensure-deps.mjs';", options },
    {
      filename: at('eslint.config.mjs'),
      code: "import rules from './eslint-rules/no-cross-package-relative.mjs';",
      options,
    },
    { filename: at('devtools/net.mjs'), code: "import { x } from './x.mjs';", options },
    {
      filename: at('workflows/vitest.config.ts'),
      code: "export { default } from '@guanai/devtools/vitest-integration';",
      options,
    },
    { filename: at('bench/src/system.ts'), code: "import { freePort } from '@guanai/devtools/net';", options },
    // `packages` overrides the workspaces.
    {
      filename: at('api/src/x.ts'),
      code: "import { y } from '../../admin/src/y.ts';",
      options: [{ root, packages: ['workflows'] }],
    },
  ],
  invalid: withSpecifier([
    {
      filename: at('admin/src/evaluation/types.ts'),
      code: "import { x } from '../../../api/src/x.ts';",
      options,
      errors: [crossing('admin', 'api')],
    },
    {
      filename: at('admin/src/evaluation/types.ts'),
      code: "import type { Kpis } from '../../../api/src/routes/evaluation/kpis.ts';",
      options,
      errors: [crossing('admin', 'api')],
    },
    {
      filename: at('admin/src/public/DisclosurePage.tsx'),
      code: "export { snapshotHash } from '../../../workflows/src/disclosure/snapshot.ts';",
      options,
      errors: [crossing('admin', 'workflows')],
    },
    {
      filename: at('admin/src/public/DisclosurePage.tsx'),
      code: "export * from '../../../workflows/src/disclosure/snapshot.ts';",
      options,
      errors: [crossing('admin', 'workflows')],
    },
    {
      filename: at('admin/src/App.tsx'),
      code: "const page = () => import('../../api/src/app.ts');",
      options,
      errors: [crossing('admin', 'api')],
    },
    {
      filename: at('admin/src/App.tsx'),
      code: "type AppType = import('../../api/src/app.ts').AppType;",
      options,
      errors: [crossing('admin', 'api')],
    },
    {
      // The dev tooling is a package too: reached as @guanai/devtools/net, not by its path.
      filename: at('api/src/chaos/processes.ts'),
      code: "import { freePort } from '../../../devtools/net.mjs';",
      options,
      errors: [crossing('api', 'devtools')],
    },
    {
      filename: at('bench/src/system.ts'),
      code: "import { ensureTemporalCli } from '../../devtools/temporal-cli.mjs';",
      options,
      errors: [crossing('bench', 'devtools')],
    },
    {
      // A package reaching up into the root is leaving the package too.
      filename: at('workflows/vitest.config.ts'),
      code: "export { default } from '../vitest.integration.mts';",
      options,
      errors: [crossing('workflows', '(root)')],
    },
    {
      filename: at('bench/run.mjs'),
      code: "import { ensureDependencies } from '../scripts/lib/ensure-deps.mjs';",
      options,
      errors: [crossing('bench', '(root)')],
    },
    {
      // And the root reaches a package by its name as well, once the dependencies are installed.
      filename: at('scripts/start.mjs'),
      code: "import { startPglite } from '../devtools/pglite-server.mjs';",
      options,
      errors: [crossing('(root)', 'devtools')],
    },
  ]),
});
