import type { SessionUser } from './session.ts';

/**
 * Jurisdiction (DESIGN: "a user acts within the subtree of their unit"): org-unit paths are
 * materialised, so "inside my subtree" is a prefix match on the path.
 */
export const subtree = (user: SessionUser) => ({ path: { startsWith: user.orgUnit.path } });

/**
 * Outsiders act for themselves or their organisation, not for a unit: partners and volunteers
 * (志愿者, issue 19). Their unit (the city, or the first community a volunteer serves) gives them
 * no jurisdiction: they see no case, person or task through the staff routes.
 */
export const isOutsider = (user: Pick<SessionUser, 'role'>) => user.role === 'PARTNER' || user.role === 'VOLUNTEER';

/**
 * A case is visible when its owning unit, or the community it started in, is inside the subtree.
 * Outsiders see no case through the case routes: the partner portal shows partners the matches of
 * their own resources, and volunteers their assignments, with only what delivery or a visit needs.
 */
export const visibleCases = (user: SessionUser) =>
  isOutsider(user)
    ? { id: { in: [] as string[] } }
    : { OR: [{ owningUnit: subtree(user) }, { originUnit: subtree(user) }] };

/** A person is visible when they live in a community inside the subtree (never to an outsider). */
export const visiblePeople = (user: SessionUser) =>
  isOutsider(user) ? { id: { in: [] as string[] } } : { community: subtree(user) };

/** Whether a unit (by its materialised path) is inside the user's subtree. */
export const within = (user: SessionUser, unitPath: string) => unitPath.startsWith(user.orgUnit.path);
