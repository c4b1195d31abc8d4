import type { Actor } from '@guanai/workflows';
import type { SessionUser } from '../../auth/session.ts';

/** The signed-in user as the case machine knows an actor: id, role and unit. */
export const actorOf = (user: SessionUser): Actor => ({ id: user.id, role: user.role, unitId: user.orgUnit.id });
