import type { SessionUser } from './session.ts';

/**
 * Jurisdiction (DESIGN: "a user acts within the subtree of their unit"): org-unit paths are
 * materialised, so "inside my subtree" is a prefix match on the path.
 */
export const subtree = (user: SessionUser) => ({ path: { startsWith: user.orgUnit.path } });

/**
 * A case is visible when its owning unit, or the community it started in, is inside the subtree.
 * Partners see no case through the case routes: the partner portal shows them the matches of their
 * own resources, with only what delivery needs.
 */
export const visibleCases = (user: SessionUser) =>
  user.role === 'PARTNER'
    ? { id: { in: [] as string[] } }
    : { OR: [{ owningUnit: subtree(user) }, { originUnit: subtree(user) }] };

/** A person is visible when they live in a community inside the subtree. */
export const visiblePeople = (user: SessionUser) =>
  user.role === 'PARTNER' ? { id: { in: [] as string[] } } : { community: subtree(user) };

/** Whether a unit (by its materialised path) is inside the user's subtree. */
export const within = (user: SessionUser, unitPath: string) => unitPath.startsWith(user.orgUnit.path);
