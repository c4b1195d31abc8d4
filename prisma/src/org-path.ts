/** Materialised path of an org unit: its ancestors' codes and its own, each followed by '/'. */
export function childPath(parentPath: string | null, code: string): string {
  return `${parentPath ?? ''}${code}/`;
}

/** True when `path` is the unit at `ancestorPath` or lies below it. */
export function isWithin(path: string, ancestorPath: string): boolean {
  return path.startsWith(ancestorPath);
}
