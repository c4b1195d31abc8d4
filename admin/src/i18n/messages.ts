/**
 * The dictionaries' shape. Each feature has a file in i18n/zh/ and one in i18n/en/; Chinese is the source of truth
 * and en/<feature>.ts is typed `Messages<typeof zh…>`, so a key one language has and the other lacks fails tsc. The
 * labels of a vocabulary of @guanai/workflows/vocabulary are held to its codes in zh/ (`satisfies Labels<Code>`), and
 * through it in en/.
 */

/** Messages nested by key, down to the strings. */
export interface Dictionary {
  readonly [key: string]: string | Dictionary;
}

/** A translation of `T`: exactly T's keys, all the way down, with a string of its own at each leaf. */
export type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };

/** A label for each code of a vocabulary (`satisfies Labels<Severity>`): none missing, none for a code that is gone. */
export type Labels<Code extends string> = Record<Code, string>;

type Merged<T extends readonly Dictionary[]> = T extends readonly [
  infer First,
  ...infer Rest extends readonly Dictionary[],
]
  ? First & Merged<Rest>
  : unknown;

function mergeInto(target: Record<string, string | Dictionary>, source: Dictionary, path: string) {
  for (const [key, value] of Object.entries(source)) {
    const at = path ? `${path}.${key}` : key;
    const existing = target[key];
    if (existing === undefined) target[key] = typeof value === 'string' ? value : mergeInto({}, value, at);
    else if (typeof existing === 'object' && typeof value === 'object')
      mergeInto(existing as Record<string, string | Dictionary>, value, at);
    else throw new Error(`The message ${at} is given by two features`);
  }
  return target;
}

/**
 * The features' messages as the one tree react-admin looks keys up in (`resources.cases.fields.state`,
 * `guanai.problems.forbidden`). Features may add to one branch (each gives its own problem types), but no two may give
 * the same key: one would silently hide the other.
 */
export function assemble<T extends readonly Dictionary[]>(...features: T): Merged<T> {
  const tree: Record<string, string | Dictionary> = {};
  for (const feature of features) mergeInto(tree, feature, '');
  return tree as Merged<T>;
}
