import type { AppDeps } from '../../env.ts';
import { runImport } from './run-person-import.ts';

/**
 * Imports left running carry on where they were: those no run holds, or whose run's lease has run
 * out. Every API process calls this at start and then once a lease period, so an import whose
 * process died is taken over by another replica, and each import is worked by one run at a time.
 */
export async function resumeImports(deps: AppDeps): Promise<void> {
  const running = await deps.db.personImport.findMany({
    where: { status: 'RUNNING', OR: [{ claimedUntil: null }, { claimedUntil: { lt: new Date() } }] },
    select: { id: true },
  });
  for (const { id } of running) await runImport(deps, id);
}
