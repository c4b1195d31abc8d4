// A relative import may not leave the package it is written in: another package is reached through
// its name and its `exports` (`@guanai/db`, `@guanai/workflows/messages`), never by
// `../../../other-package/src`, so a package's internals can move without breaking its neighbours.
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';

/** The folders that count as packages: the npm workspaces, and the root's `scripts/` and `bench/`. */
export const PACKAGES = ['prisma', 'workflows', 'api', 'admin', 'scripts', 'bench'];

const ROOT_PACKAGE = '(root)';

/** The package a path belongs to: its first folder under the root when that is a package, else the root. */
function packageOf(root, file, packages) {
  const rel = relative(root, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return ROOT_PACKAGE;
  const first = rel.split(sep)[0];
  return rel.includes(sep) && packages.includes(first) ? first : ROOT_PACKAGE;
}

/** @type {import('eslint').Rule.RuleModule} */
export const noCrossPackageRelative = {
  meta: {
    type: 'problem',
    docs: { description: 'Disallow relative imports that reach into another package' },
    schema: [
      {
        type: 'object',
        properties: {
          root: { type: 'string' },
          packages: { type: 'array', items: { type: 'string' } },
          allow: { type: 'array', items: { type: 'string' } },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      crossing:
        "'{{specifier}}' leaves package '{{from}}' for '{{to}}': import it through the package's name and `exports` instead.",
    },
  },
  create(context) {
    const options = context.options[0] ?? {};
    const root = resolve(options.root ?? context.cwd);
    const packages = options.packages ?? PACKAGES;
    // Root-relative paths any package may still import (a path ending in '/' allows a folder).
    const allow = (options.allow ?? []).map((entry) => resolve(root, entry) + (entry.endsWith('/') ? sep : ''));
    const file = context.filename;
    if (!isAbsolute(file)) return {};
    const from = packageOf(root, file, packages);

    function check(source) {
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
      const specifier = source.value;
      if (!(specifier === '.' || specifier === '..' || specifier.startsWith('./') || specifier.startsWith('../')))
        return;
      const target = resolve(dirname(file), specifier);
      const to = packageOf(root, target, packages);
      if (to === from) return;
      if (allow.some((allowed) => (allowed.endsWith(sep) ? target.startsWith(allowed) : target === allowed))) return;
      context.report({ node: source, messageId: 'crossing', data: { specifier, from, to } });
    }

    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      // `import('../x.ts').T` in a type position, and `import x = require('../x')`.
      TSImportType: (node) => check(node.source),
      TSExternalModuleReference: (node) => check(node.expression),
    };
  },
};

export default {
  meta: { name: 'guanai' },
  rules: { 'no-cross-package-relative': noCrossPackageRelative },
};
