import { appendAudit, maskPhone, Prisma, type Db } from '@guanai/db';
import type { CaseContext } from '@guanai/workflows';
import type { ClosureReason } from '@guanai/workflows/vocabulary';
import type { SessionUser } from '../../auth/session.ts';
import type { TCasePaperwork } from '../../routes/cases/paperwork.types.ts';
import { day } from '../matching/dates.ts';
import { findVisibleCase } from './find-visible-case.ts';

/** What a case's `data` (the machine context as of its last event) holds, as far as paperwork reads it. */
type Context = Partial<CaseContext> & { plan?: (CaseContext['plan'] & { items?: Record<string, unknown>[] }) | null };

const personSelect = {
  name: true,
  sex: true,
  birthDate: true,
  idType: true,
  idNumberMasked: true,
} satisfies Prisma.PersonSelect;

const dateOrNull = (d: Date | null) => (d ? day(d) : null);

/**
 * A case as its printed summary (案件摘要 / 社会救助申请审批表) and plan (个性化关爱援助方案) show it, for
 * the workers and managers who can see the case: the person and household with every identity number
 * and phone masked (paper never carries a full number), the machine context's screening, current
 * assessment, plan, escalations and closure, the deliveries with their exact total. Audited (`case.print`).
 */
export async function casePaperwork({
  db,
  user,
  caseId,
  now = new Date(),
}: {
  db: Db;
  user: SessionUser;
  caseId: string;
  now?: Date;
}): Promise<TCasePaperwork> {
  const visible = await findVisibleCase(db, user, caseId);
  const row = await db.case.findUniqueOrThrow({
    where: { id: visible.id },
    include: {
      owningUnit: { select: { name: true, code: true } },
      originUnit: { select: { name: true, parent: { select: { name: true } } } },
      person: {
        select: {
          ...personSelect,
          id: true,
          phone: true,
          address: true,
          hukou: true,
          tags: true,
          household: {
            select: {
              address: true,
              monthlyIncome: true,
              members: { select: { ...personSelect, id: true, relation: true }, orderBy: { createdAt: 'asc' } },
            },
          },
        },
      },
      matches: {
        where: { deliveries: { some: {} } },
        select: {
          category: true,
          resource: { select: { name: true, provider: { select: { name: true } } } },
          deliveries: { orderBy: [{ deliveredOn: 'asc' }, { createdAt: 'asc' }] },
        },
      },
    },
  });
  const context = row.data as Context;
  const approval = await db.caseEvent.findFirst({
    where: { caseId: row.id, type: 'PLAN_APPROVED' },
    orderBy: { seq: 'desc' },
    select: { actorId: true },
  });
  const escalations = context.escalations ?? [];
  const assessment = context.assessments?.at(-1) ?? null;
  const plan = context.plan ?? null;
  const userIds = new Set<string>(
    [
      assessment?.by,
      plan?.submittedBy,
      approval?.actorId,
      ...(plan?.returns ?? []).map((r) => r.by),
      ...escalations.map((e) => e.by),
    ].filter((id): id is string => !!id),
  );
  const unitIds = new Set(escalations.flatMap((e) => [e.fromUnitId, e.toUnitId]));
  const [users, units] = await Promise.all([
    db.user.findMany({ where: { id: { in: [...userIds] } }, select: { id: true, displayName: true } }),
    db.orgUnit.findMany({ where: { id: { in: [...unitIds] } }, select: { id: true, name: true } }),
  ]);
  const nameOf = (id: string | null | undefined) => users.find((u) => u.id === id)?.displayName ?? null;
  const unitName = (id: string) => units.find((u) => u.id === id)?.name ?? id;

  const deliveries = row.matches
    .flatMap((m) =>
      m.deliveries.map((d) => ({
        deliveredOn: day(d.deliveredOn),
        category: m.category,
        resourceName: m.resource.name,
        providerName: m.resource.provider.name,
        kind: d.kind,
        description: d.description,
        amount: d.amount === null ? null : d.amount.toFixed(2),
        hours: d.hours === null ? null : d.hours.toString(),
        money: d.amount,
      })),
    )
    .sort((a, b) => a.deliveredOn.localeCompare(b.deliveredOn));
  const deliveryTotal = deliveries.reduce((sum, d) => (d.money ? sum.plus(d.money) : sum), new Prisma.Decimal(0));
  const { person } = row;

  await appendAudit(db, {
    actorId: user.id,
    action: 'case.print',
    target: `case:${row.id}`,
    detail: { caseNo: row.caseNo },
  });
  return {
    id: row.id,
    caseNo: row.caseNo,
    state: row.state,
    status: row.status,
    emergency: row.emergency,
    origin: row.origin,
    referral: row.referral as TCasePaperwork['referral'],
    situation: row.situation,
    createdAt: row.createdAt.toISOString(),
    owningUnit: row.owningUnit,
    communityName: row.originUnit.name,
    townshipName: row.originUnit.parent?.name ?? null,
    person: {
      name: person.name,
      sex: person.sex,
      birthDate: dateOrNull(person.birthDate),
      idType: person.idType,
      idNumberMasked: person.idNumberMasked,
      phoneMasked: person.phone ? maskPhone(person.phone) : null,
      address: person.address,
      hukou: person.hukou,
      tags: person.tags,
    },
    household: person.household
      ? {
          address: person.household.address,
          monthlyIncome: person.household.monthlyIncome?.toFixed(2) ?? null,
          members: person.household.members
            .filter((m) => m.id !== person.id)
            .map((m) => ({
              name: m.name,
              sex: m.sex,
              birthDate: dateOrNull(m.birthDate),
              idType: m.idType,
              idNumberMasked: m.idNumberMasked,
              relation: m.relation,
            })),
        }
      : null,
    screening: {
      outcome: context.screeningOutcome ?? null,
      referrals: (context.referrals ?? []) as TCasePaperwork['screening']['referrals'],
    },
    assessment: assessment ? { at: assessment.at, by: nameOf(assessment.by), needs: assessment.needs } : null,
    plan: plan
      ? {
          summary: plan.summary,
          submittedAt: plan.submittedAt,
          submittedBy: nameOf(plan.submittedBy),
          approvedAt: plan.approvedAt,
          approvedBy: plan.approvedAt ? nameOf(approval?.actorId) : null,
          returns: plan.returns.map((r) => ({ at: r.at, by: nameOf(r.by), reason: r.reason })),
          ...(plan.items ? { items: plan.items } : {}),
        }
      : null,
    escalations: escalations.map((e) => ({
      fromUnitName: unitName(e.fromUnitId),
      toUnitName: unitName(e.toUnitId),
      reason: e.reason,
      at: e.at,
      by: nameOf(e.by),
      outcome: e.outcome,
      guidance: e.guidance ?? null,
    })),
    deliveries: deliveries.map(({ money: _money, ...d }) => d),
    deliveryTotal: deliveryTotal.toFixed(2),
    closure:
      row.status === 'CLOSED'
        ? {
            reason: (row.closureReason ?? context.closureReason ?? null) as ClosureReason | null,
            at: context.closedAt ?? null,
          }
        : null,
    printedAt: now.toISOString(),
    printedBy: user.displayName,
  };
}
