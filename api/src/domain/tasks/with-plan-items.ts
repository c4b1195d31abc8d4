import type { Db } from '@guanai/db';
import { planItemsRefusal, type ActRequest, type CaseContext, type CaseEvent } from '@guanai/workflows';
import { AppError, type FieldError } from '../../errors/app-error.ts';

/** The machine names an event's fields; the form names them as the task form has them. */
const FORM_FIELD: Record<string, string> = {
  items: 'form.items',
  itemDecisions: 'form.items',
  itemOutcomes: 'form.itemOutcomes',
};
const formField = (field: string) => {
  const [head = '', ...rest] = field.split('.');
  return [FORM_FIELD[head] ?? `form.${head}`, ...rest].join('.');
};

/**
 * §四(二) 个性化方案 item by item, checked before the Update so that a bad item is a 422 naming the
 * form's field and nothing is sent: each responsible unit must be an org unit and each partner a
 * partner (named as the registry names them); then the machine's own item checks (assessed needs,
 * decisions covering the plan's items, an outcome per item) against the case as last projected. The
 * machine checks again on the live case: this only words the refusal for the form.
 */
export async function withPlanItems(db: Db, caseId: string, event: ActRequest): Promise<ActRequest> {
  if (!['PLAN_SUBMITTED', 'PLAN_APPROVED', 'PLAN_RETURNED', 'FOLLOWED_UP'].includes(event.type)) return event;
  const row = await db.case.findUnique({ where: { id: caseId }, select: { data: true } });
  let checked = event;
  if (event.type === 'PLAN_SUBMITTED' && event.items) {
    const ids = (kind: 'UNIT' | 'PARTNER') =>
      event.items!.filter((item) => item.responsible.kind === kind).map((item) => item.responsible.id);
    const [units, partners] = await Promise.all([
      db.orgUnit.findMany({ where: { id: { in: ids('UNIT') } }, select: { id: true, name: true } }),
      db.partner.findMany({ where: { id: { in: ids('PARTNER') }, active: true }, select: { id: true, name: true } }),
    ]);
    const errors: FieldError[] = [];
    const items = event.items.map((item, i) => {
      const named = (item.responsible.kind === 'UNIT' ? units : partners).find((r) => r.id === item.responsible.id);
      if (!named)
        errors.push({
          field: `form.items.${i}.responsible.id`,
          reason: item.responsible.kind === 'UNIT' ? 'is not an org unit' : 'is not an active partner',
        });
      return { ...item, responsible: { ...item.responsible, name: named?.name ?? '' } };
    });
    if (errors.length)
      throw new AppError('VALIDATION', { message: errors.map((e) => `${e.field}: ${e.reason}`).join('; '), errors });
    checked = { ...event, items };
  }
  const context = (row?.data ?? {}) as Partial<CaseContext>;
  const refusal = planItemsRefusal(
    { ...context, assessments: context.assessments ?? [], plan: context.plan ?? null } as CaseContext,
    { ...checked, at: new Date().toISOString() } as CaseEvent,
  );
  if (refusal) throw new AppError('VALIDATION', { message: refusal.message, field: formField(refusal.field ?? '') });
  return checked;
}
