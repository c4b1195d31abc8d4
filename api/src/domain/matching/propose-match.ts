import type { Db, Prisma } from '@guanai/db';
import type { SessionUser } from '../../auth/session.ts';
import { AppError } from '../../errors/app-error.ts';
import type { TProposeMatch } from '../../routes/cases/matching.types.ts';
import type { TMatch } from '../../routes/matches/matches.types.ts';
import { holdCaseRow } from '../cases/hold-case-row.ts';
import { resourceInclude } from '../resources/resource-dto.ts';
import { today } from './dates.ts';
import { findOwnedCase } from './find-owned-case.ts';
import { matchInclude, toMatchDto } from './match-dto.ts';
import { needsOf } from './needs-of.ts';
import { planItemNeed } from './plan-item-need.ts';
import { rankResources } from './rank-resources.ts';
import { toRanked } from './ranked-resource.ts';
import { notifyMatchStep } from './notify-match-step.ts';
import { subjectOf } from './subject-of.ts';
import { isUniqueViolation } from '../../errors/unique-violation.ts';

/**
 * §四(六): proposes a ranked candidate for a need of a case the caller's center owns, while the case
 * is in matching or delivery (a joint meeting may send it straight to delivery, whose task closes
 * only from the ledger), holding the resource's places and amount at once. The hold is one
 * conditional update, so two caseworkers racing for the last place cannot both get it; the loser
 * gets 409. A retried request (the same `matchId`, from its Idempotency-Key) holds nothing twice.
 * `withinHold`, if given, runs in the same transaction once the match is written (a pledge accepted
 * with it, 认捐): what it writes commits with the hold, and what it throws undoes the hold.
 */
export async function proposeMatch({
  db,
  user,
  caseId,
  matchId: id,
  input: body,
  withinHold,
}: {
  db: Db;
  user: SessionUser;
  caseId: string;
  matchId: string;
  input: TProposeMatch;
  withinHold?: (tx: Prisma.TransactionClient, matchId: string) => Promise<void>;
}): Promise<TMatch> {
  const row = await findOwnedCase(db, user, caseId);
  const retried = await db.match.findUnique({ where: { id }, include: matchInclude });
  if (retried) return toMatchDto(retried, user);
  if (row.state !== 'matching' && row.state !== 'delivery') {
    throw new AppError('CONFLICT', {
      message: `matches are proposed while the case is in matching or delivery (it is in ${row.state})`,
      reason: 'NOT_ALLOWED_IN_STATE',
    });
  }
  const { needIndex, planItemId } = planItemNeed(row.data, body);
  const need = needsOf(row.data)[needIndex];
  if (!need) throw new AppError('VALIDATION', { message: 'the case has no such need', field: 'needIndex' });
  const resource = await db.resource.findUnique({ where: { id: body.resourceId }, include: resourceInclude });
  if (!resource) throw new AppError('VALIDATION', { message: 'no such resource', field: 'resourceId' });
  const [judged] = rankResources([{ index: needIndex, ...need }], [toRanked(resource)], subjectOf(row), today());
  const refused = judged!.excluded[0]?.reasons;
  if (refused)
    throw new AppError('VALIDATION', {
      message: `not a candidate for this need: ${refused.map((r) => r.text).join('; ')}`,
      field: 'resourceId',
      reason: 'NOT_ELIGIBLE',
      extra: { reasons: refused },
    });
  const places = resource.capacity === null ? 0 : (body.places ?? 1);
  if (resource.budget !== null && body.amount === undefined)
    throw new AppError('VALIDATION', {
      message: 'this resource gives money: say how much to hold',
      field: 'amount',
    });
  const amount = resource.budget === null ? 0 : body.amount!;
  const match = await db
    .$transaction(async (tx) => {
      // The case row held first (as deliveries do): a closure projected meanwhile waits for this
      // commit, and its effect then gives the hold back; one projected before is seen here.
      const current = await holdCaseRow(tx, row.id);
      if (current?.status !== 'OPEN' || (current.state !== 'matching' && current.state !== 'delivery')) {
        throw new AppError('CONFLICT', {
          message: `matches are proposed while the case is in matching or delivery (it is ${current?.status === 'CLOSED' ? 'closed' : `in ${current?.state}`})`,
          reason: 'NOT_ALLOWED_IN_STATE',
        });
      }
      const held = await tx.$executeRaw`
            UPDATE resource SET reserved_places = reserved_places + ${places}, reserved_amount = reserved_amount + ${amount}::numeric
            WHERE id = ${resource.id}::uuid AND status = 'PUBLISHED'
              AND (capacity IS NULL OR reserved_places + ${places} <= capacity)
              AND (budget IS NULL OR reserved_amount + ${amount}::numeric <= budget)`;
      if (held === 0) {
        throw new AppError('CONFLICT', {
          message: `${resource.name} has no ${resource.budget === null ? 'places' : 'money'} left for this request; it was just taken`,
          reason: 'CAPACITY_EXHAUSTED',
        });
      }
      const created = await tx.match.create({
        data: {
          id,
          caseId: row.id,
          needIndex,
          category: need.category,
          planItemId,
          resourceId: resource.id,
          places,
          amount,
          status: 'PROPOSED',
          liveKey: `${row.id}:${needIndex}:${resource.id}`,
          note: body.note ?? null,
          proposedById: user.id,
        },
        include: matchInclude,
      });
      await notifyMatchStep(tx, id, 'MATCH_PROPOSED');
      await withinHold?.(tx, id);
      return created;
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error))
        throw new AppError('CONFLICT', {
          message: 'this resource is already matched to this need',
          field: 'resourceId',
          reason: 'ALREADY_MATCHED',
        });
      throw error;
    });
  return toMatchDto(match, user);
}
