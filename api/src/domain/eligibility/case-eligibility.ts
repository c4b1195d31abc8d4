import type { Db } from '@guanai/db';
import type { EligibilityRecord, EligibilitySuggestion } from '@guanai/workflows';
import type { GovScheme } from '@guanai/workflows/vocabulary';
import { visibleCases } from '../../auth/jurisdiction.ts';
import type { SessionUser } from '../../auth/session.ts';
import { notFound } from '../../errors/app-error.ts';
import type { TCaseEligibility } from '../../routes/eligibility/eligibility.types.ts';
import { assessEligibility, type HouseholdFacts } from './assess.ts';
import { beijingToday } from './beijing-today.ts';
import { standardInclude, standardRowOf } from './standard-dto.ts';

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** What a case's eligibility is computed from: its person, their household and its members, their community's path. */
async function loadCase(db: Db, where: object) {
  return db.case.findFirst({
    where,
    select: {
      id: true,
      data: true,
      person: {
        select: {
          id: true,
          birthDate: true,
          canWork: true,
          community: { select: { path: true } },
          household: {
            select: {
              id: true,
              monthlyIncome: true,
              assets: true,
              hasSupporter: true,
              community: { select: { path: true } },
              members: { where: { mergedIntoId: null }, select: { birthDate: true, canWork: true } },
            },
          },
        },
      },
    },
  });
}
type LoadedCase = NonNullable<Awaited<ReturnType<typeof loadCase>>>;

/** The household's district (区(市)县): the DISTRICT unit on the path of its community. */
async function districtOf(db: Db, communityPath: string) {
  const codes = communityPath.split('/').filter(Boolean);
  return db.orgUnit.findFirst({ where: { level: 'DISTRICT', code: { in: codes } }, select: { id: true, name: true } });
}

async function suggestionsOf(db: Db, row: LoadedCase, date: string) {
  const { person } = row;
  const household = person.household;
  const facts: HouseholdFacts = {
    members: (household?.members.length ? household.members : [person]).map((m) => ({
      birthDate: day(m.birthDate),
      canWork: m.canWork,
    })),
    monthlyIncome: household?.monthlyIncome?.toFixed(2) ?? null,
    assets: household?.assets?.toFixed(2) ?? null,
    hasSupporter: household?.hasSupporter ?? null,
  };
  const district = await districtOf(db, (household?.community ?? person.community).path);
  const standards = await db.eligibilityStandard.findMany({
    where: {
      effectiveFrom: { lte: new Date(`${date}T00:00:00Z`) },
      OR: [{ districtId: null }, ...(district ? [{ districtId: district.id }] : [])],
    },
    include: standardInclude,
  });
  const suggestions = assessEligibility({
    household: facts,
    districtId: district?.id ?? null,
    date,
    standards: standards.map(standardRowOf),
  });
  return { suggestions, district, facts, household };
}

/** §二 无缝衔接: the suggestions for a case's household today, as the API computes them at screening (never the client's). */
export async function caseSuggestions(db: Db, caseId: string, now = new Date()): Promise<EligibilitySuggestion[]> {
  const row = await loadCase(db, { id: caseId });
  if (!row) throw notFound(`case ${caseId}`);
  return (await suggestionsOf(db, row, beijingToday(now))).suggestions;
}

interface RecordedReferral {
  scheme: GovScheme;
  outcome: 'PENDING' | 'GRANTED' | 'DENIED';
  department?: string;
  referredOn?: string;
  referenceNo?: string;
}

/** A case the user can see: its household's suggestions today, what screening recorded, and its referrals' outcomes. */
export async function getCaseEligibility({
  db,
  user,
  caseId,
  now = new Date(),
}: {
  db: Db;
  user: SessionUser;
  caseId: string;
  now?: Date;
}): Promise<TCaseEligibility> {
  const row = await loadCase(db, { id: caseId, ...visibleCases(user) });
  if (!row) throw notFound(`case ${caseId}`);
  const date = beijingToday(now);
  const { suggestions, district, facts, household } = await suggestionsOf(db, row, date);
  const context = (row.data ?? {}) as {
    referrals?: RecordedReferral[];
    eligibility?: EligibilityRecord & { at: string };
  };
  return {
    caseId: row.id,
    date,
    districtId: district?.id ?? null,
    districtName: district?.name ?? null,
    household: {
      householdId: household?.id ?? null,
      personId: row.person.id,
      members: Math.max(1, facts.members.length),
      monthlyIncome: household?.monthlyIncome == null ? null : Number(household.monthlyIncome.toFixed(2)),
      assets: household?.assets == null ? null : Number(household.assets.toFixed(2)),
      hasSupporter: facts.hasSupporter,
    },
    suggestions,
    screening: context.eligibility
      ? {
          suggestions: context.eligibility.suggestions,
          decisions: context.eligibility.decisions,
          at: context.eligibility.at,
        }
      : null,
    referrals: (context.referrals ?? []).map((r) => ({
      scheme: r.scheme,
      outcome: r.outcome,
      department: r.department ?? null,
      referredOn: r.referredOn ?? null,
      referenceNo: r.referenceNo ?? null,
    })),
  };
}
