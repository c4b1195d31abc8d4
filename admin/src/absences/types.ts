import type { InferResponseType } from 'hono/client';
import type { api } from '../providers/api.ts';

/** An absence as GET /api/absences answers it. */
export type Absence = InferResponseType<typeof api.absences.$get, 200>[number];

/** Running, not yet begun, or over (the list's chip). */
export const absenceState = (a: Pick<Absence, 'startsAt' | 'endsAt'>, now = Date.now()) =>
  Date.parse(a.endsAt) <= now ? 'over' : Date.parse(a.startsAt) > now ? 'upcoming' : 'active';
