import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { appendAudit, decryptIdNumber, loadSlaSettings, type Prisma } from '@guanai/db';
import { z } from 'zod';
import type { ActRequest, Actor, CaseEvent, Role, UnitChain } from '@guanai/workflows';
import { visibleCases, visiblePeople } from '../../auth/jurisdiction.ts';
import type { SessionUser } from '../../auth/session.ts';
import type { AppDeps, AppEnv } from '../../env.ts';
import { AppError, notFound } from '../../errors/app-error.ts';
import type { CaseClient } from '../../temporal/case-client.ts';
import { keyedId } from '../../request/idempotency.ts';
import { callsWorkflow } from '../../request/scope.ts';
import { contentRange, validate } from '../../validation.ts';
import { taskInclude, toTaskDto } from '../tasks/tasks.ts';
import {
  NON_CHENGDU_RULE,
  ZCaseListQuerySchema,
  ZCaseParams,
  ZCreateCaseSchema,
  type TCreateCase,
} from './cases.types.ts';
import { registerPerson } from '../people/registry.ts';
import { actorOf } from '../tasks/tasks.ts';
import { OFFERED_ACTIONS, ZCaseActionSchema, ZNoteSchema, type TCaseAction } from './case-actions.types.ts';
import { storeAttachment } from '../../files/attachments.ts';
import { withPersonCaseLock } from './with-person-case-lock.ts';

const caseInclude = {
  person: { select: { name: true, idNumberMasked: true } },
  owningUnit: { select: { name: true } },
  originUnit: { select: { name: true } },
} satisfies Prisma.CaseInclude;

type CaseRow = Prisma.CaseGetPayload<{ include: typeof caseInclude }>;

function toCaseDto(row: CaseRow) {
  return {
    id: row.id,
    caseNo: row.caseNo,
    personName: row.person.name,
    personIdMasked: row.person.idNumberMasked,
    state: row.state,
    status: row.status,
    closureReason: row.closureReason,
    emergency: row.emergency,
    origin: row.origin,
    owningUnitId: row.owningUnitId,
    owningUnitName: row.owningUnit.name,
    originUnitId: row.originUnitId,
    originUnitName: row.originUnit.name,
    situation: row.situation,
    flags: row.flags,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function caseRoutes(deps: AppDeps, cases: CaseClient) {
  const { db } = deps;

  /** The community and the centers above it, from the community's materialised path. */
  async function unitChain(communityId: string): Promise<UnitChain> {
    const community = await db.orgUnit.findUniqueOrThrow({ where: { id: communityId } });
    const codes = community.path.split('/').filter(Boolean);
    const units = await db.orgUnit.findMany({ where: { code: { in: codes } } });
    const at = (level: string) => units.find((unit) => unit.level === level)?.id;
    const [township, district, city] = [at('TOWNSHIP'), at('DISTRICT'), at('CITY')];
    if (!township || !district || !city)
      throw new Error(`community ${community.code} is not below a township, district and city`);
    return { community: community.id, township, district, city };
  }

  /** The machine event for a case action; REASSIGN names a user who becomes the machine's actor. */
  async function eventOf(action: TCaseAction, actor: Actor): Promise<ActRequest> {
    if (action.type !== 'REASSIGN') return { ...action, actor } as ActRequest;
    const assignee = await db.user.findFirst({ where: { id: action.assigneeId, active: true } });
    if (!assignee) throw new AppError('VALIDATION', { message: 'no active user with this id', field: 'assigneeId' });
    return {
      type: 'REASSIGN',
      taskId: action.taskId,
      assignee: { id: assignee.id, role: assignee.role as Role, unitId: assignee.orgUnitId },
      actor,
    };
  }

  /**
   * The person a new case is for: a registered one in the station's community, or a new registry
   * record (duplicate-checked; a retried request finds the record its first attempt made).
   */
  async function personForCase(user: SessionUser, body: TCreateCase, newId: string): Promise<{ id: string }> {
    if (body.personId) {
      const person = await db.person.findFirst({
        where: { id: body.personId, ...visiblePeople(user), mergedIntoId: null },
        select: { id: true, hukou: true },
      });
      if (!person)
        throw new AppError('VALIDATION', {
          message: 'is not a person registered in your community',
          field: 'personId',
        });
      if (person.hukou === 'OTHER' && !body.emergency)
        throw new AppError('VALIDATION', { message: NON_CHENGDU_RULE, field: 'emergency' });
      return person;
    }
    const retried = await db.person.findUnique({ where: { id: newId }, select: { id: true } });
    return (
      retried ??
      registerPerson(db, deps.keys, user, body.person!, { id: newId, confirmNotDuplicate: body.confirmNotDuplicate })
    );
  }

  async function findVisible(user: SessionUser, id: string) {
    const row = await db.case.findFirst({ where: { id, ...visibleCases(user) }, include: caseInclude });
    if (!row) throw notFound(`case ${id}`);
    return row;
  }

  return (
    new Hono<AppEnv>()
      /** Any signed-in user: the cases owned by, or started in, a unit of their subtree. */
      .get('/', validate('query', ZCaseListQuerySchema), async (c) => {
        const user = c.get('user');
        const { filter = {}, sort, range } = c.req.valid('query');
        const where: Prisma.CaseWhereInput = {
          AND: [
            visibleCases(user),
            filter.q ? { OR: [{ caseNo: { contains: filter.q } }, { person: { name: { contains: filter.q } } }] } : {},
          ],
          ...(filter.state ? { state: filter.state } : {}),
          ...(filter.status ? { status: filter.status } : {}),
          ...(filter.emergency !== undefined ? { emergency: filter.emergency } : {}),
          ...(filter.id ? { id: { in: filter.id } } : {}),
        };
        const [rows, total] = await Promise.all([
          db.case.findMany({
            where,
            include: caseInclude,
            orderBy: [{ [sort[0]]: sort[1].toLowerCase() }, { id: 'asc' }],
            skip: range[0],
            take: range[1] - range[0] + 1,
          }),
          db.case.count({ where }),
        ]);
        c.header('Content-Range', contentRange('cases', range, rows.length, total));
        return c.json(rows.map(toCaseDto));
      })
      /** Any signed-in user who can see the case: the case, its timeline and its tasks. */
      .get('/:id', validate('param', ZCaseParams), async (c) => {
        const row = await findVisible(c.get('user'), c.req.valid('param').id);
        const [events, tasks] = await Promise.all([
          db.caseEvent.findMany({ where: { caseId: row.id }, orderBy: { seq: 'asc' } }),
          db.task.findMany({
            where: { caseId: row.id },
            orderBy: { createdAt: 'asc' },
            include: taskInclude,
          }),
        ]);
        const actorIds = [...new Set(events.map((e) => e.actorId).filter((id): id is string => id !== null))];
        const actors = new Map(
          (await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, displayName: true } })).map(
            (u) => [u.id, u.displayName],
          ),
        );
        const attachmentIds = events.flatMap((e) => (e.payload as { attachments?: string[] }).attachments ?? []);
        const attachments = new Map(
          (
            await db.attachment.findMany({
              where: { caseId: row.id, id: { in: attachmentIds } },
              select: { id: true, filename: true, contentType: true, size: true },
            })
          ).map((a) => [a.id, a]),
        );
        const user = c.get('user');
        const candidates = OFFERED_ACTIONS.map(
          (type) =>
            ({
              type,
              reason: type === 'CLOSE' || type === 'PROPOSE_CLOSURE' ? 'resolved' : 'x',
              flag: 'OTHER',
            }) as unknown as Omit<CaseEvent, 'actor' | 'at'>,
        );
        const actions =
          row.status === 'CLOSED' && row.state === 'archived'
            ? []
            : await cases.allowed(row.id, actorOf(user), candidates);
        return c.json({
          ...toCaseDto(row),
          actions,
          events: events.map((e) => ({
            seq: e.seq,
            type: e.type,
            fromState: e.fromState,
            toState: e.toState,
            actorName: e.actorId ? (actors.get(e.actorId) ?? null) : null,
            at: e.at.toISOString(),
            payload: e.payload,
            attachments: ((e.payload as { attachments?: string[] }).attachments ?? []).flatMap(
              (id) => attachments.get(id) ?? [],
            ),
          })),
          tasks: tasks.map(toTaskDto),
        });
      })
      /**
       * A station worker (self-application, §四(一)) or a discoverer (outreach report) at a community:
       * registers the person and opens the case workflow.
       */
      .post('/', callsWorkflow, validate('json', ZCreateCaseSchema), async (c) => {
        const user = c.get('user');
        if (user.orgUnit.level !== 'COMMUNITY') {
          throw new AppError('FORBIDDEN', { message: 'cases are opened at a community service station (服务站)' });
        }
        const body = c.req.valid('json');
        const caseId = keyedId(c, 'case') ?? randomUUID();
        const existingCase = await db.case.findUnique({ where: { id: caseId }, include: caseInclude });
        if (existingCase) return c.json(toCaseDto(existingCase), 201); // a retried request

        const person = await personForCase(user, body, keyedId(c, 'person') ?? randomUUID());
        const units = await unitChain(user.orgUnit.id);
        const { sla, calendar } = await loadSlaSettings(db);
        const personId = person.id;
        const origin = user.role === 'STATION_WORKER' ? 'SELF_APPLICATION' : 'OUTREACH';
        const registerOnOpen = user.role === 'STATION_WORKER';
        // One case that is not closed per person, with several API replicas: the check and the
        // workflow's start (until its case row is projected) hold the person's lock, so the loser of a
        // race never starts a workflow (its projection would meet the unique index and retry forever).
        await withPersonCaseLock(db, [personId], async (locked) => {
          const duplicate = await locked.case.findFirst({
            where: { status: { not: 'CLOSED' }, personId },
            select: { id: true, caseNo: true },
          });
          if (duplicate?.id === caseId) return; // opened by an earlier attempt of this request (its Idempotency-Key)
          if (duplicate) {
            throw new AppError('CONFLICT', {
              message: `this person already has an open case (${duplicate.caseNo})`,
              field: body.personId ? 'personId' : 'person.idNumber',
              reason: 'DUPLICATE_CASE',
            });
          }
          const [{ n }] = await locked.$queryRaw<[{ n: bigint }]>`SELECT nextval('case_no_seq') AS n`;
          const openedAt = new Date();
          const caseNo = `GA-${openedAt.getUTCFullYear()}-${String(n).padStart(6, '0')}`;
          await cases.open({
            record: {
              caseId,
              caseNo,
              personId,
              origin,
              situation: body.situation,
              createdById: user.id,
              originUnitId: units.community,
              ...(body.discovererKind ? { discovererKind: body.discovererKind } : {}),
            },
            machine: {
              caseId,
              origin,
              units,
              emergency: body.emergency,
              openedAt: openedAt.toISOString(),
              sla,
              calendar,
              intakeAssigneeId: registerOnOpen ? user.id : null,
              ...deps.caseSettings,
            },
            registerOnOpen,
          });
        });
        return c.json(toCaseDto(await findVisible(user, caseId)), 201);
      })
      /**
       * Station workers, caseworkers and supervisors who can see the case: the full identity number,
       * for a stated reason; every such view is written to the audit log with who and why.
       */
      .get(
        '/:id/id-number',
        validate('param', ZCaseParams),
        validate(
          'query',
          z.object({ reason: z.string().trim().min(4, 'say why you need the full number').max(200) }).strict(),
        ),
        async (c) => {
          const user = c.get('user');
          const row = await findVisible(user, c.req.valid('param').id);
          const person = await db.person.findUniqueOrThrow({
            where: { id: row.personId },
            select: { id: true, idNumberEnc: true },
          });
          if (!person.idNumberEnc) throw notFound('identity number');
          const { reason } = c.req.valid('query');
          await appendAudit(db, {
            actorId: user.id,
            action: 'person.id-number.view',
            target: `person:${person.id}`,
            reason,
            detail: { caseId: row.id },
          });
          return c.json({ idNumber: decryptIdNumber(person.idNumberEnc, deps.keys) });
        },
      )
      /** Whoever the machine allows (supervisors, caseworkers, by action): a case-level action. */
      .post(
        '/:id/actions',
        callsWorkflow,
        validate('param', ZCaseParams),
        validate('json', ZCaseActionSchema),
        async (c) => {
          const user = c.get('user');
          const row = await findVisible(user, c.req.valid('param').id);
          const event = await eventOf(c.req.valid('json'), actorOf(user));
          const act = () => cases.act(row.id, event, keyedId(c, 'act'));
          // Reopening makes a closed case open again: under the person's lock, and only while the
          // person has no other open case (the projection would meet the unique index and retry forever).
          const view =
            event.type !== 'REOPEN'
              ? await act()
              : await withPersonCaseLock(db, [row.personId], async (locked) => {
                  const current = await locked.case.findUniqueOrThrow({
                    where: { id: row.id },
                    select: { personId: true },
                  });
                  if (current.personId !== row.personId)
                    throw new AppError('CONFLICT', {
                      message: 'the case was moved to another person record (a merge) meanwhile; try again',
                      reason: 'MERGED',
                    });
                  const other = await locked.case.findFirst({
                    where: { personId: row.personId, status: { not: 'CLOSED' }, NOT: { id: row.id } },
                    select: { caseNo: true },
                  });
                  if (other)
                    throw new AppError('CONFLICT', {
                      message: `this person has another open case (${other.caseNo}); one case is open per person`,
                      reason: 'DUPLICATE_CASE',
                    });
                  return act();
                });
          return c.json({ caseId: row.id, state: view.state });
        },
      )
      /** Anyone who may work on or knows the case (its station included): a note, with attachments. */
      .post('/:id/notes', validate('param', ZCaseParams), validate('json', ZNoteSchema), async (c) => {
        const user = c.get('user');
        const row = await findVisible(user, c.req.valid('param').id);
        const { text, kind, attachmentIds } = c.req.valid('json');
        const found = await db.attachment.count({ where: { caseId: row.id, id: { in: attachmentIds } } });
        if (found !== new Set(attachmentIds).size)
          throw new AppError('VALIDATION', {
            message: 'an attachment does not belong to this case',
            field: 'attachmentIds',
          });
        const view = await cases.act(
          row.id,
          { type: 'ADD_NOTE', text, kind, attachments: attachmentIds, actor: actorOf(user) },
          keyedId(c, 'act'),
        );
        return c.json({ caseId: row.id, state: view.state }, 201);
      })
      /**
       * Anyone who sees the case: uploads a file (the raw body; Content-Type a photo or PDF, the name in
       * X-Filename). A note then refers to it.
       */
      .post('/:id/attachments', validate('param', ZCaseParams), async (c) => {
        const user = c.get('user');
        const row = await findVisible(user, c.req.valid('param').id);
        if (row.status === 'CLOSED')
          throw new AppError('CONFLICT', { message: 'the case is closed', reason: 'NOT_ALLOWED_IN_STATE' });
        const attachment = await storeAttachment(deps, c, row.id);
        return c.json(attachment, 201);
      })
  );
}
