import * as vocabulary from '@guanai/workflows/vocabulary';
import { describe, expect, it } from 'vitest';
import { en } from './en/index.ts';
import { publicPages as enPublic } from './en/public.ts';
import { zh } from './zh/index.ts';
import { publicPages as zhPublic } from './zh/public.ts';

/**
 * Every code of a vocabulary has a label in both languages, and no label is left for a code that is
 * gone: the lists are @guanai/workflows/vocabulary's, the labels the admin's (keyed by code). tsc
 * holds each label map to its vocabulary already (`satisfies Record<Code, string>` in zh/, en/ typed
 * against zh/); this checks the maps at the keys the screens look them up by, as they run.
 */
const LABELS: [path: string, codes: readonly string[]][] = [
  ['guanai.roles', vocabulary.ROLES],
  ['guanai.orgLevels', vocabulary.ORG_LEVELS],
  ['guanai.sla.levels', vocabulary.ORG_LEVELS],
  ['guanai.tags', vocabulary.VULNERABILITY_TAGS],
  ['guanai.hukou', vocabulary.HUKOU],
  ['guanai.sex', vocabulary.SEXES],
  ['guanai.idTypes', vocabulary.ID_TYPES],
  ['guanai.relations', vocabulary.RELATIONS],
  ['guanai.origins', vocabulary.ORIGINS],
  ['guanai.discovererKinds', vocabulary.DISCOVERER_KINDS],
  ['guanai.referralSources', vocabulary.REFERRAL_SOURCES],
  // guanai.status labels a case's status and a task's (OPEN is both).
  ['guanai.status', [...new Set([...vocabulary.CASE_STATUSES, ...vocabulary.TASK_STATUSES])]],
  ['guanai.schemes', vocabulary.GOV_SCHEMES],
  ['guanai.outcomes', vocabulary.SCREENING_OUTCOMES],
  ['guanai.categories', vocabulary.NEED_CATEGORIES],
  ['guanai.severities', vocabulary.SEVERITIES],
  // guanai.closure also holds slaBreached, the text of an automatic escalation's reason.
  ['guanai.closure', [...vocabulary.CLOSURE_REASONS, 'slaBreached']],
  ['guanai.flags', vocabulary.CASE_FLAGS],
  ['guanai.noteKinds', vocabulary.NOTE_KINDS],
  ['guanai.kinds', vocabulary.TASK_KINDS],
  ['guanai.forms.targets', vocabulary.ESCALATION_TARGETS],
  ['guanai.forms.nexts', vocabulary.MEETING_NEXT_STEPS],
  ['guanai.forms.schemes', vocabulary.TEMP_AID_SCHEMES],
  ['guanai.sla.units', vocabulary.DURATION_UNITS],
  ['guanai.sla.effects', vocabulary.BREACH_EFFECTS],
  ['guanai.sla.dayKinds', vocabulary.CALENDAR_DAY_KINDS],
  ['guanai.matching.kinds', vocabulary.RESOURCE_KINDS],
  ['guanai.matching.resourceStatus', vocabulary.RESOURCE_STATUSES],
  ['guanai.matching.partnerKinds', vocabulary.PARTNER_KINDS],
  ['guanai.matching.campaignTypes', vocabulary.CAMPAIGN_TYPES],
  ['guanai.matching.matchStatus', vocabulary.MATCH_STATUSES],
  ['guanai.matching.projectStatus', vocabulary.PROJECT_STATUSES],
  ['guanai.matching.deliveryKinds', vocabulary.DELIVERY_KINDS],
  ['guanai.evaluation.meetings.status', vocabulary.MEETING_STATUSES],
  ['guanai.evaluation.meetings.nexts', vocabulary.MEETING_NEXT_STEPS],
  ['guanai.evaluation.publish.kinds', [...vocabulary.SNAPSHOT_KINDS, 'UNCHANGED']],
  ['guanai.evaluation.survey.questions', vocabulary.SURVEY_QUESTIONS],
  ['guanai.evaluation.publish.results', [...vocabulary.SNAPSHOT_KINDS, 'UNCHANGED']],
  ['guanai.notificationsPage.kinds', vocabulary.NOTIFICATION_KINDS],
];

/** The same, on the public pages. */
const PUBLIC_LABELS: [path: string, codes: readonly string[]][] = [
  ['categories', vocabulary.NEED_CATEGORIES],
  ['disclosure.kinds', [...vocabulary.SNAPSHOT_KINDS, 'UNCHANGED']],
  ['disclosure.deliveryKinds', vocabulary.DELIVERY_KINDS],
  ['projects.resourceKinds', vocabulary.RESOURCE_KINDS],
  ['survey.questions', vocabulary.SURVEY_QUESTIONS],
];

const messages = { zh, en };
const publicMessages = { zh: zhPublic, en: enPublic };

const at = (dictionary: object, path: string) =>
  path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], dictionary);

const labelsAt = (dictionary: object, path: string, codes: readonly string[]) => {
  const labels = at(dictionary, path) as Record<string, unknown> | undefined;
  expect(labels, `no labels at ${path}`).toBeTypeOf('object');
  expect(Object.keys(labels!).sort()).toEqual([...codes].sort());
  expect(Object.values(labels!).every((label) => typeof label === 'string' && label !== '')).toBe(true);
};

describe.each(Object.entries(messages))('the %s labels of the vocabularies', (_, dictionary) => {
  it.each(LABELS)('%s', (path, codes) => labelsAt(dictionary, path, codes));
});

describe.each(Object.entries(publicMessages))(
  'the %s labels of the vocabularies on the public pages',
  (_, dictionary) => {
    it.each(PUBLIC_LABELS)('%s', (path, codes) => labelsAt(dictionary, path, codes));
  },
);
