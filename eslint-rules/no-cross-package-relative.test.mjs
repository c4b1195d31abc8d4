import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, describe, it } from 'vitest';
import { noCrossPackageRelative } from './no-cross-package-relative.mjs';

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

tester.run('no-cross-package-relative', noCrossPackageRelative, {
  valid: [
    { filename: at('admin/src/dashboards/Board.tsx'), code: "import { x } from './x.ts';", options },
    { filename: at('admin/src/dashboards/Board.tsx'), code: "import { x } from '../providers/x.ts';", options },
    { filename: at('api/src/routes/cases/cases.ts'), code: "export * from '../../errors/app-error.ts';", options },
    { filename: at('api/src/app.ts'), code: "import { caseWorkflow } from '@guanai/workflows';", options },
    { filename: at('scripts/test.mjs'), code: "import { ensureDependencies } from './lib/ensure-deps.mjs';", options },
    {
      filename: at('eslint.config.mjs'),
      code: "import rules from './eslint-rules/no-cross-package-relative.mjs';",
      options,
    },
    {
      filename: at('workflows/vitest.config.ts'),
      code: "export { default } from '../vitest.integration.mts';",
      options: [{ root, allow: ['vitest.integration.mts'] }],
    },
    {
      filename: at('bench/src/system.ts'),
      code: "import { freePort } from '../../scripts/lib/net.mjs';",
      options: [{ root, allow: ['scripts/lib/'] }],
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
      // The root's scripts/ is not part of api: api needs its own copy or a package to import.
      filename: at('api/src/chaos/processes.ts'),
      code: "import { freePort } from '../../../scripts/lib/net.mjs';",
      options,
      errors: [crossing('api', 'scripts')],
    },
    {
      filename: at('bench/run.mjs'),
      code: "import { ensureDependencies } from '../scripts/lib/ensure-deps.mjs';",
      options,
      errors: [crossing('bench', 'scripts')],
    },
    {
      // A package reaching up into the root is leaving the package too, unless the config allows that file.
      filename: at('workflows/vitest.config.ts'),
      code: "export { default } from '../vitest.integration.mts';",
      options,
      errors: [crossing('workflows', '(root)')],
    },
    {
      // Allowing one file allows only that file.
      filename: at('bench/src/system.ts'),
      code: "import { ensureTemporalCli } from '../../scripts/temporal-cli.mjs';",
      options: [{ root, allow: ['scripts/lib/'] }],
      errors: [crossing('bench', 'scripts')],
    },
  ]),
});
