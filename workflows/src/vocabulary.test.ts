import * as prismaEnums from '@guanai/db/enums';
import { describe, expect, it } from 'vitest';
import { FORM_KINDS, FORM_STATUSES } from './forms/types.ts';
import * as vocabulary from './vocabulary.ts';

/**
 * The Prisma schema cannot import TypeScript, so its enums copy the domain's lists: each one must
 * hold the same codes as its list here (order aside), or a value the API accepts would fail in the
 * database, or one stored there would have no label.
 */
const MIRRORS: Record<string, readonly string[]> = {
  OrgLevel: vocabulary.ORG_LEVELS,
  Role: vocabulary.ROLES,
  Hukou: vocabulary.HUKOU,
  Sex: vocabulary.SEXES,
  IdType: vocabulary.ID_TYPES,
  Relation: vocabulary.RELATIONS,
  CaseOrigin: vocabulary.ORIGINS,
  CaseStatus: vocabulary.CASE_STATUSES,
  TaskStatus: vocabulary.TASK_STATUSES,
  DurationUnit: vocabulary.DURATION_UNITS,
  BreachEffect: vocabulary.BREACH_EFFECTS,
  CalendarDayKind: vocabulary.CALENDAR_DAY_KINDS,
  PartnerKind: vocabulary.PARTNER_KINDS,
  ResourceKind: vocabulary.RESOURCE_KINDS,
  ResourceStatus: vocabulary.RESOURCE_STATUSES,
  CampaignType: vocabulary.CAMPAIGN_TYPES,
  DonationKind: vocabulary.DONATION_KINDS,
  MatchStatus: vocabulary.MATCH_STATUSES,
  DeliveryKind: vocabulary.DELIVERY_KINDS,
  ProjectStatus: vocabulary.PROJECT_STATUSES,
  ProjectClosedReason: vocabulary.PROJECT_CLOSED_REASONS,
  PledgeKind: vocabulary.PLEDGE_KINDS,
  PledgeStatus: vocabulary.PLEDGE_STATUSES,
  VolunteerStatus: vocabulary.VOLUNTEER_STATUSES,
  VolunteerAssignmentKind: vocabulary.VOLUNTEER_ASSIGNMENT_KINDS,
  VolunteerAssignmentStatus: vocabulary.VOLUNTEER_ASSIGNMENT_STATUSES,
  VolunteerHoursKind: vocabulary.VOLUNTEER_HOURS_KINDS,
  MeetingStatus: vocabulary.MEETING_STATUSES,
  SnapshotKind: vocabulary.SNAPSHOT_KINDS,
  Applicant: vocabulary.APPLICANTS,
  ApplicationStatus: vocabulary.APPLICATION_STATUSES,
  FormKind: FORM_KINDS,
  FormStatus: FORM_STATUSES,
};

/** Enums that are the database's own bookkeeping, not a vocabulary of the domain. */
const DATABASE_ONLY = ['ImportStatus', 'SurveyChannel'];

const sorted = (codes: Iterable<string>) => [...codes].sort();

describe('the Prisma enums mirror the domain vocabularies', () => {
  it.each(Object.entries(MIRRORS))('%s', (name, codes) => {
    const prismaEnum = (prismaEnums as Record<string, unknown>)[name];
    expect(prismaEnum, `schema.prisma has no enum ${name}`).toBeTypeOf('object');
    expect(sorted(Object.values(prismaEnum as Record<string, string>))).toEqual(sorted(codes));
  });

  it('every enum of the schema is either a vocabulary or named as the database’s own', () => {
    const enumNames = Object.entries(prismaEnums)
      .filter(([, value]) => typeof value === 'object')
      .map(([name]) => name);
    expect(sorted(enumNames)).toEqual(sorted([...Object.keys(MIRRORS), ...DATABASE_ONLY]));
  });
});
