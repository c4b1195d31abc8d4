/**
 * The closed vocabularies of the domain, defined once: the machine, the API's schemas, the admin's
 * choices and the public pages import them from here (`@guanai/workflows/vocabulary`); labels stay in
 * the admin's i18n, keyed by these codes. No imports: the admin's browser bundle loads this file.
 * The Prisma enums that mirror a list are compared with it by vocabulary.test.ts.
 */

// People and units

/** The roles of user accounts (Prisma `Role`); the workflow itself acts as SYSTEM (types.ts `Role`). */
export const ROLES = [
  'DISCOVERER',
  'STATION_WORKER',
  'CASEWORKER',
  'SUPERVISOR',
  'MANAGER',
  'PARTNER',
  'ADMIN',
  'VOLUNTEER', // 志愿者 (issue 19): sees only their own profile, assignments and hours
] as const;
export type UserRole = (typeof ROLES)[number];

/** 三级中心、四级网络: city → district (区(市)县) → township (乡镇(街道)) → village/community (村(社区)). */
export const ORG_LEVELS = ['CITY', 'DISTRICT', 'TOWNSHIP', 'COMMUNITY'] as const;
export type OrgLevel = (typeof ORG_LEVELS)[number];

/** The unit levels each role works at: stations in communities, care-assistance centers above. */
export const ROLE_LEVELS: Readonly<Record<UserRole, readonly OrgLevel[]>> = {
  DISCOVERER: ['COMMUNITY'],
  STATION_WORKER: ['COMMUNITY'],
  CASEWORKER: ['TOWNSHIP', 'DISTRICT', 'CITY'],
  SUPERVISOR: ['TOWNSHIP', 'DISTRICT', 'CITY'],
  MANAGER: ['DISTRICT', 'CITY'],
  PARTNER: ['CITY'],
  ADMIN: ['CITY'],
  // Placed at the first community they serve.
  VOLUNTEER: ['COMMUNITY'],
};

// The registry (困难群众信息库)

/** 困难类别: the groups the network looks after. */
export const VULNERABILITY_TAGS = [
  'ELDERLY_ALONE', // 独居老人
  'LEFT_BEHIND_ELDERLY', // 留守老人
  'DISABILITY', // 残疾
  'SERIOUS_ILLNESS', // 重病
  'LEFT_BEHIND_CHILD', // 留守儿童
  'UNSUPPORTED_CHILD', // 事实无人抚养儿童
  'DIBAO', // 低保: minimum living allowance
  'TEKUN', // 特困: extreme-poverty support
  'LOW_INCOME', // 低收入
  'SINGLE_PARENT', // 单亲
  'UNEMPLOYED', // 失业
] as const;
export type VulnerabilityTag = (typeof VULNERABILITY_TAGS)[number];

/** 户籍: §四(一) takes people without a Chengdu hukou only in an emergency. */
export const HUKOU = ['CHENGDU', 'OTHER'] as const;
export type Hukou = (typeof HUKOU)[number];

export const SEXES = ['M', 'F'] as const;
export type Sex = (typeof SEXES)[number];

/** Identity documents: the resident identity number (居民身份证), or another one for people without it. */
export const ID_TYPES = [
  'RESIDENT_ID',
  'HK_MACAO_PERMIT',
  'TAIWAN_PERMIT',
  'PASSPORT',
  'FOREIGN_PERMANENT_ID',
  'OTHER',
] as const;
export type IdType = (typeof ID_TYPES)[number];

/** A household member's relation to the head of the household (户主). */
export const RELATIONS = [
  'HEAD',
  'SPOUSE',
  'CHILD',
  'PARENT',
  'GRANDCHILD',
  'GRANDPARENT',
  'SIBLING',
  'OTHER',
] as const;
export type Relation = (typeof RELATIONS)[number];

// Cases

/** §四(一): self-application, active discovery (outreach), referral from a department or hotline. */
export const ORIGINS = ['SELF_APPLICATION', 'OUTREACH', 'REFERRAL'] as const;
export type Origin = (typeof ORIGINS)[number];

/** Who reported an outreach case: 网格员, 楼栋长, volunteer, social worker, community worker. */
export const DISCOVERER_KINDS = [
  'GRID_WORKER',
  'BUILDING_LEADER',
  'VOLUNTEER',
  'SOCIAL_WORKER',
  'COMMUNITY_WORKER',
] as const;
export type DiscovererKind = (typeof DISCOVERER_KINDS)[number];

/** §四(一) referral: who referred the person — a member department (成员单位) or the 12345 hotline. */
export const REFERRAL_SOURCES = ['DEPARTMENT', 'HOTLINE_12345'] as const;
export type ReferralSource = (typeof REFERRAL_SOURCES)[number];

/** §四(一) 网上申请: who filled in an online application — the person, a relative, or someone else for them. */
export const APPLICANTS = ['SELF', 'RELATIVE', 'OTHER'] as const;
export type Applicant = (typeof APPLICANTS)[number];

/** An online application: waiting for its station to verify it, turned into a case, or declined with a reason. */
export const APPLICATION_STATUSES = ['SUBMITTED', 'ACCEPTED', 'DECLINED'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const CASE_STATUSES = ['OPEN', 'SUSPENDED', 'CLOSED'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** 社会救助暂行办法: the government schemes a case is screened against (§四(二)). */
export const GOV_SCHEMES = ['DIBAO', 'TEKUN', 'LINSHI', 'YILIAO', 'JIAOYU', 'ZHUFANG', 'JIUYE', 'SHOUZAI'] as const;
export type GovScheme = (typeof GOV_SCHEMES)[number];

/** A government scheme's answer to a referral. */
export const GOV_AID_DECISIONS = ['GRANTED', 'DENIED'] as const;
export type GovAidDecision = (typeof GOV_AID_DECISIONS)[number];

export const SCREENING_OUTCOMES = ['RESIDUAL_NEED', 'GOV_AID_ONLY', 'NO_NEED'] as const;
export type ScreeningOutcome = (typeof SCREENING_OUTCOMES)[number];

export const NEED_CATEGORIES = [
  'BASIC_LIVING',
  'MEDICAL',
  'EDUCATION',
  'HOUSING',
  'EMPLOYMENT',
  'CARE',
  'PSYCHOLOGICAL',
  'LEGAL',
  'EMERGENCY',
  'OTHER',
] as const;
export type NeedCategory = (typeof NEED_CATEGORIES)[number];

export const SEVERITIES = ['LOW', 'MEDIUM', 'HIGH'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const CLOSURE_REASONS = [
  'resolved',
  'gov_aid_only',
  'no_need',
  'declined',
  'unreachable',
  'deceased',
  'moved',
  'duplicate',
] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

export const CASE_FLAGS = ['SAFETY_RISK', 'HEALTH_RISK', 'CHILD_AT_RISK', 'DISPUTE', 'OTHER'] as const;
export type CaseFlag = (typeof CASE_FLAGS)[number];

export const NOTE_KINDS = ['VISIT', 'CALL', 'NOTE'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

/**
 * What a notification tells its user. The first four come from case events (a task's SLA warning or
 * breach, an escalation, an assignment); DIGEST is a supervisor's morning digest (of no one case); the
 * MATCH_ steps tell the partner of a proposal and the caseworker of the partner's answer; DELIVERY_DUE
 * tells the partner that a delivery it accepted falls due, APPLICATION_DECLINED the station that a
 * self-application it registered was closed at screening without aid (issue 18).
 */
export const NOTIFICATION_KINDS = [
  'SLA_WARNING',
  'SLA_BREACHED',
  'ESCALATED',
  'ASSIGNED',
  'DIGEST',
  'MATCH_PROPOSED',
  'MATCH_ACCEPTED',
  'MATCH_DECLINED',
  'DELIVERY_DUE',
  'APPLICATION_DECLINED',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** 临时救助 (temporary assistance) or 先行救助 (assistance first, formalities after) for an emergency. */
export const TEMP_AID_SCHEMES = ['LINSHI', 'XIANXING'] as const;
export type TempAidScheme = (typeof TEMP_AID_SCHEMES)[number];

/** Where an accepted escalation goes: `resume` back to the step the case left, at the new tier. */
export const ESCALATION_TARGETS = ['resume', 'assessment', 'matching'] as const;
export type EscalationTarget = (typeof ESCALATION_TARGETS)[number];

/** Where a joint meeting's resolution (联席会议决议) sends the case. */
export const MEETING_NEXT_STEPS = ['matching', 'delivery'] as const;
export type MeetingNextStep = (typeof MEETING_NEXT_STEPS)[number];

// Tasks and SLAs

export const TASK_KINDS = [
  'REGISTER',
  'SCREEN',
  'MONITOR',
  'ASSESS',
  'PLAN',
  'APPROVE_PLAN',
  'MATCH',
  'DELIVER',
  'FOLLOW_UP',
  'ACCEPT_ESCALATION',
  'JOINT_MEETING',
  'EMERGENCY_AID',
  'APPROVE_CLOSURE',
  'MEETING_ACTION',
] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

export const TASK_STATUSES = ['OPEN', 'DONE', 'CANCELLED'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const DURATION_UNITS = ['HOURS', 'WORKING_DAYS'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

export const BREACH_EFFECTS = ['NOTIFY', 'AUTO_ESCALATE'] as const;
export type BreachEffect = (typeof BREACH_EFFECTS)[number];

/** A day that breaks the Monday–Friday rule: a holiday, or a weekend day worked (调休). */
export const CALENDAR_DAY_KINDS = ['HOLIDAY', 'WORKDAY'] as const;
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];

// The catalogue and matching (援助项目库, 项目发布平台)

/** 援助项目库: the five kinds of resource (§四(三)–(六)). */
export const RESOURCE_KINDS = [
  'GOVERNMENT_SCHEME', // 政府救助
  'CHARITY_PROJECT', // 慈善项目
  'VOLUNTEER_SERVICE', // 志愿服务
  'PURCHASED_SERVICE', // 政府购买服务: needs its contract number
  'FUNDRAISING', // 募捐: a campaign whose budget is what was raised
] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

export const RESOURCE_STATUSES = ['DRAFT', 'PUBLISHED', 'PAUSED', 'CLOSED'] as const;
export type ResourceStatus = (typeof RESOURCE_STATUSES)[number];

export const PARTNER_KINDS = [
  'CHARITY',
  'SOCIAL_WORK_AGENCY',
  'VOLUNTEER_TEAM',
  'SERVICE_PROVIDER',
  'GOVERNMENT_DEPARTMENT',
] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

/** 公募 (public) or 定向 (directed) fundraising. */
export const CAMPAIGN_TYPES = ['PUBLIC', 'DIRECTED'] as const;
export type CampaignType = (typeof CAMPAIGN_TYPES)[number];

/** A donations-ledger entry: a gift, a refund to the donor (退款), or a reversal of an entry made in error (冲正). */
export const DONATION_KINDS = ['DONATION', 'REFUND', 'REVERSAL'] as const;
export type DonationKind = (typeof DONATION_KINDS)[number];

export const MATCH_STATUSES = ['PROPOSED', 'ACCEPTED', 'DECLINED', 'CANCELLED'] as const;
export type MatchStatus = (typeof MATCH_STATUSES)[number];

export const DELIVERY_KINDS = ['MONEY', 'GOODS', 'SERVICE'] as const;
export type DeliveryKind = (typeof DELIVERY_KINDS)[number];

export const PROJECT_STATUSES = ['PUBLISHED', 'FUNDED', 'WITHDRAWN'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/** Why a project left the platform: its case closed, accepted pledges covered its need, or its center took it off. */
export const PROJECT_CLOSED_REASONS = ['CASE_CLOSED', 'NEED_COVERED', 'BY_CENTER'] as const;
export type ProjectClosedReason = (typeof PROJECT_CLOSED_REASONS)[number];

/** 认捐 §四(三): what a partner pledges to a project. */
export const PLEDGE_KINDS = ['MONEY', 'GOODS', 'PLACES', 'HOURS'] as const;
export type PledgeKind = (typeof PLEDGE_KINDS)[number];

export const PLEDGE_STATUSES = ['PENDING', 'ACCEPTED', 'DECLINED'] as const;
export type PledgeStatus = (typeof PLEDGE_STATUSES)[number];

// Volunteers (志愿者, §四(三) 志愿服务)

/** A volunteer's registration: PENDING until their team (or a station they serve) approves or declines it. */
export const VOLUNTEER_STATUSES = ['PENDING', 'ACTIVE', 'DECLINED', 'SUSPENDED'] as const;
export type VolunteerStatus = (typeof VOLUNTEER_STATUSES)[number];

/** What a volunteer is sent to do for a case: a visit (上门探访) or a delivery (送达). */
export const VOLUNTEER_ASSIGNMENT_KINDS = ['VISIT', 'DELIVERY'] as const;
export type VolunteerAssignmentKind = (typeof VOLUNTEER_ASSIGNMENT_KINDS)[number];

export const VOLUNTEER_ASSIGNMENT_STATUSES = ['ASSIGNED', 'DONE', 'CANCELLED'] as const;
export type VolunteerAssignmentStatus = (typeof VOLUNTEER_ASSIGNMENT_STATUSES)[number];

/** An entry of the service-hours ledger: time from a check-out, or a correction (更正) with its reason. */
export const VOLUNTEER_HOURS_KINDS = ['SERVICE', 'CORRECTION'] as const;
export type VolunteerHoursKind = (typeof VOLUNTEER_HOURS_KINDS)[number];

// Evaluation and disclosure

/** 联席会议 (§四(九)). */
export const MEETING_STATUSES = ['SCHEDULED', 'HELD', 'CANCELLED'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** 过程信息公开 (§四(七)): a month's first publication, or a later correction of it. */
export const SNAPSHOT_KINDS = ['ORIGINAL', 'CORRECTION'] as const;
export type SnapshotKind = (typeof SNAPSHOT_KINDS)[number];

/** 满意度回访: the questions of the satisfaction survey, each rated 1–5. */
export const SURVEY_QUESTIONS = ['satisfaction', 'timeliness', 'respect'] as const;
export type SurveyQuestion = (typeof SURVEY_QUESTIONS)[number];

// Plans (§四(二) 个性化关爱援助方案)

/** Who answers for an item of a plan: an org unit (a center, a station) or a partner. */
export const PLAN_RESPONSIBLE_KINDS = ['UNIT', 'PARTNER'] as const;
export type PlanResponsibleKind = (typeof PLAN_RESPONSIBLE_KINDS)[number];

/** What the follow-up visit found of a plan item: 已达成 / 部分达成 / 未达成. */
export const PLAN_ITEM_OUTCOMES = ['ACHIEVED', 'PARTLY', 'NOT_ACHIEVED'] as const;
export type PlanItemOutcome = (typeof PLAN_ITEM_OUTCOMES)[number];
