import { loadSlaSettings, type Db, type IdentityKeys } from '@guanai/db';
import type { UnitChain } from '@guanai/workflows';
import type { Origin } from '@guanai/workflows/vocabulary';
import { visiblePeople } from '../../auth/jurisdiction.ts';
import type { SessionUser } from '../../auth/session.ts';
import type { AppDeps } from '../../env.ts';
import { AppError } from '../../errors/app-error.ts';
import { NON_CHENGDU_RULE, type TCase, type TCreateCase } from '../../routes/cases/cases.types.ts';
import { registerPerson } from '../people/register-person.ts';
import type { CaseClient } from '../../temporal/case-client.ts';
import { caseInclude, toCaseDto } from './case-dto.ts';
import { findVisibleCase } from './find-visible-case.ts';
import { withPersonCaseLock } from './with-person-case-lock.ts';

/**
 * §四(一), every door into the network: a station worker (self-application, also from an online
 * application: `applicationId`) or a discoverer (outreach report) at a community service station
 * (服务站), or township, district or city staff with a referral (from a member department or the
 * 12345 hotline) for a community of their subtree, register the person or take a registered one,
 * and open the case workflow; the case starts in the community. One case is open per person. `ids`
 * come from the request's Idempotency-Key when it has one, so a retried request answers the case
 * (and finds the person) its first attempt made. `demoAt` (the demo loader only, never a request)
 * opens a demo case at that past time.
 */
export async function openCase({
  db,
  cases,
  keys,
  caseSettings,
  user,
  input: body,
  ids: { caseId, personId: newPersonId },
  demoAt,
  applicationId,
}: {
  db: Db;
  cases: CaseClient;
  keys: IdentityKeys;
  caseSettings: AppDeps['caseSettings'];
  user: SessionUser;
  input: TCreateCase;
  ids: { caseId: string; personId: string };
  demoAt?: Date;
  /** The online application the station worker verified and turns into this case. */
  applicationId?: string;
}): Promise<TCase> {
  const existingCase = await db.case.findUnique({ where: { id: caseId }, include: caseInclude });
  if (existingCase) return toCaseDto(existingCase); // a retried request

  const { origin, communityId } = await doorOf(db, user, body, applicationId);
  const person = await personForCase(db, keys, user, body, newPersonId, communityId);
  const units = await unitChain(db, communityId);
  const { sla, calendar } = await loadSlaSettings(db);
  const personId = person.id;
  const registerOnOpen = origin === 'SELF_APPLICATION';
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
    const openedAt = demoAt ?? new Date();
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
        ...(body.referral ? { referral: body.referral } : {}),
        ...(applicationId ? { applicationId } : {}),
        ...(demoAt ? { demo: true } : {}),
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
        ...caseSettings,
      },
      registerOnOpen,
      ...(demoAt ? { demo: { now: openedAt.toISOString() } } : {}),
    });
  });
  return toCaseDto(await findVisibleCase(db, user, caseId));
}

/**
 * Which door the case comes in by, and the community it starts in: a station's self-application
 * (or its verified online application), a discoverer's outreach report, or a referral by township,
 * district or city staff for a community of their subtree.
 */
async function doorOf(
  db: Db,
  user: SessionUser,
  body: TCreateCase,
  applicationId: string | undefined,
): Promise<{ origin: Origin; communityId: string }> {
  if (user.orgUnit.level === 'COMMUNITY') {
    if (body.referral)
      throw new AppError('VALIDATION', {
        message: 'a referral is opened by township, district or city staff; a station opens applications and reports',
        field: 'referral',
      });
    if (body.communityId && body.communityId !== user.orgUnit.id)
      throw new AppError('VALIDATION', { message: 'a station opens cases in its own community', field: 'communityId' });
    if (applicationId && user.role !== 'STATION_WORKER')
      throw new AppError('FORBIDDEN', { message: 'an online application is verified by its station worker' });
    return { origin: user.role === 'STATION_WORKER' ? 'SELF_APPLICATION' : 'OUTREACH', communityId: user.orgUnit.id };
  }
  if (user.role === 'DISCOVERER' || user.role === 'STATION_WORKER' || applicationId)
    throw new AppError('FORBIDDEN', { message: 'cases are opened at a community service station (服务站)' });
  const errors = [
    ...(body.referral ? [] : [{ field: 'referral', reason: 'is required: who referred the person (§四(一))' }]),
    ...(body.communityId ? [] : [{ field: 'communityId', reason: 'is required: the community the case concerns' }]),
  ];
  if (errors.length)
    throw new AppError('VALIDATION', { message: errors.map((e) => `${e.field}: ${e.reason}`).join('; '), errors });
  if (body.referral?.source === 'DEPARTMENT') {
    const department = await db.department.findUnique({ where: { code: body.referral.departmentCode } });
    if (!department)
      throw new AppError('VALIDATION', { message: 'is not a member department', field: 'referral.departmentCode' });
  }
  const community = await db.orgUnit.findFirst({
    where: { id: body.communityId, level: 'COMMUNITY', path: { startsWith: user.orgUnit.path } },
    select: { id: true },
  });
  if (!community)
    throw new AppError('VALIDATION', {
      message: 'is not a community (村/社区) of your jurisdiction',
      field: 'communityId',
    });
  return { origin: 'REFERRAL', communityId: community.id };
}

/**
 * The person a new case is for: a registered one of the case's community, or a new registry
 * record (duplicate-checked; a retried request finds the record its first attempt made).
 */
async function personForCase(
  db: Db,
  keys: IdentityKeys,
  user: SessionUser,
  body: TCreateCase,
  newId: string,
  communityId: string,
): Promise<{ id: string }> {
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
    // §四(一): people without Chengdu hukou are accepted when they are in an emergency in Chengdu.
    if (person.hukou === 'OTHER' && !body.emergency)
      throw new AppError('VALIDATION', { message: NON_CHENGDU_RULE, field: 'emergency' });
    return person;
  }
  const retried = await db.person.findUnique({ where: { id: newId }, select: { id: true } });
  return (
    retried ??
    registerPerson(
      db,
      keys,
      user,
      { ...body.person!, communityId: body.person!.communityId ?? communityId },
      { id: newId, confirmNotDuplicate: body.confirmNotDuplicate },
    )
  );
}

/** The community and the centers above it, from the community's materialised path. */
async function unitChain(db: Db, communityId: string): Promise<UnitChain> {
  const community = await db.orgUnit.findUniqueOrThrow({ where: { id: communityId } });
  const codes = community.path.split('/').filter(Boolean);
  const units = await db.orgUnit.findMany({ where: { code: { in: codes } } });
  const at = (level: string) => units.find((unit) => unit.level === level)?.id;
  const [township, district, city] = [at('TOWNSHIP'), at('DISTRICT'), at('CITY')];
  if (!township || !district || !city)
    throw new Error(`community ${community.code} is not below a township, district and city`);
  return { community: community.id, township, district, city };
}
