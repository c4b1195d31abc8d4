// A relative import may not leave the package it is written in: another package is reached through
// its name and its `exports` (`@guanai/db`, `@guanai/workflows/messages`), never by
// `../../../other-package/src`, so a package's internals can move without breaking its neighbours.
// Everything outside the workspaces (eslint.config.mjs, scripts/) is the root package.
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

const ROOT_PACKAGE = '(root)';

const workspaces = new Map();

/** The folders that count as packages: the npm workspaces of the root's package.json, each a folder at the root. */
export function workspacesOf(root) {
  if (!workspaces.has(root)) {
    const { workspaces: listed = [] } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    const folders = listed.map((folder) => folder.replace(/^\.\//, '').replace(/\/$/, ''));
    const unsupported = folders.filter((folder) => /[/*]/.test(folder));
    if (unsupported.length)
      throw new Error(
        `no-cross-package-relative: workspaces must be folders at the root, not ${unsupported.join(', ')}`,
      );
    workspaces.set(root, folders);
  }
  return workspaces.get(root);
}

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
    const packages = options.packages ?? workspacesOf(root);
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
