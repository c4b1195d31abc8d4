import type {
  CaseStatus,
  ClosureReason,
  DeliveryKind,
  MatchStatus,
  NeedCategory,
  Origin,
  ResourceKind,
} from '@guanai/workflows/vocabulary';

/**
 * The Chinese names the exported files use, the same words the admin shows (admin/src/i18n/zh/cases.ts,
 * vocabulary.ts, matching.ts): an export is read in Excel, outside the UI. A value without a name is written as it is.
 */
export const CASE_STATE_LABELS: Record<string, string> = {
  intake: '受理',
  screening: '筛查',
  monitoring: '政府救助跟踪',
  assessment: '需求评估',
  planning: '方案制定',
  'planning.drafting': '方案制定',
  'planning.awaitingApproval': '方案待审批',
  matching: '资源对接',
  delivery: '援助落实',
  followUp: '回访',
  'followUp.waiting': '等待回访',
  'followUp.visiting': '回访',
  escalation: '上报待审核',
  jointMeeting: '联席会议',
  suspended: '已暂停',
  closed: '已结案',
  archived: '已归档',
};

export const CASE_STATUS_LABELS = { OPEN: '办理中', SUSPENDED: '已暂停', CLOSED: '已结案' } satisfies Record<
  CaseStatus,
  string
>;

export const ORIGIN_LABELS = { SELF_APPLICATION: '个人申请', OUTREACH: '主动发现', REFERRAL: '转介' } satisfies Record<
  Origin,
  string
>;

export const CLOSURE_REASON_LABELS = {
  resolved: '已解决',
  gov_aid_only: '仅政府救助',
  no_need: '无需援助',
  declined: '本人拒绝',
  unreachable: '无法联系',
  deceased: '已故',
  moved: '已迁出',
  duplicate: '重复',
} satisfies Record<ClosureReason, string>;

export const CATEGORY_LABELS = {
  BASIC_LIVING: '基本生活',
  MEDICAL: '医疗',
  EDUCATION: '教育',
  HOUSING: '住房',
  EMPLOYMENT: '就业',
  CARE: '照料护理',
  PSYCHOLOGICAL: '心理疏导',
  LEGAL: '法律援助',
  EMERGENCY: '急难',
  OTHER: '其他',
} satisfies Record<NeedCategory, string>;

export const RESOURCE_KIND_LABELS = {
  GOVERNMENT_SCHEME: '政府救助',
  CHARITY_PROJECT: '慈善项目',
  VOLUNTEER_SERVICE: '志愿服务',
  PURCHASED_SERVICE: '政府购买服务',
  FUNDRAISING: '募捐',
} satisfies Record<ResourceKind, string>;

export const MATCH_STATUS_LABELS = {
  PROPOSED: '待接受',
  ACCEPTED: '已接受',
  DECLINED: '已拒绝',
  CANCELLED: '已撤回',
} satisfies Record<MatchStatus, string>;

export const DELIVERY_KIND_LABELS = { MONEY: '资金', GOODS: '物资', SERVICE: '服务' } satisfies Record<
  DeliveryKind,
  string
>;

/** A value's name, or the value itself. */
export const labelOf = (labels: Record<string, string>, value: string | null | undefined) =>
  value == null ? '' : (labels[value] ?? value);
