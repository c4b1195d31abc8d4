import type { Db } from '@guanai/db';
import type { TaskKind } from '@guanai/workflows/vocabulary';
import type { SessionUser } from '../../auth/session.ts';
import type { TSlaPolicyBody, TSlaPolicyChanged } from '../../routes/sla/sla.types.ts';

/** Changes one task kind's SLA; new cases take it, running cases keep the policy they started with. */
export async function updateSlaPolicy({
  db,
  user,
  kind,
  rule,
}: {
  db: Db;
  user: SessionUser;
  kind: TaskKind;
  rule: TSlaPolicyBody;
}): Promise<TSlaPolicyChanged> {
  await db.slaPolicy.upsert({
    where: { taskKind: kind },
    update: { ...rule, updatedById: user.id },
    create: { taskKind: kind, ...rule, updatedById: user.id },
  });
  return { id: kind, ...rule };
}
