import type { CaseFlag, TaskKind } from './vocabulary.ts';

/**
 * The task kinds' and case flags' Chinese names for what leaves the UI (the API's exports, notifications by e-mail,
 * robot or SMS), the same words
 * the admin shows (admin/src/i18n/zh/tasks.ts guanai.kinds, zh/cases.ts guanai.flags): an export is opened in Excel, outside the UI.
 */
export const TASK_KIND_LABELS = {
  REGISTER: '受理登记',
  SCREEN: '政府救助筛查',
  MONITOR: '政府救助跟踪',
  ASSESS: '需求评估',
  PLAN: '制定援助方案',
  APPROVE_PLAN: '审批援助方案',
  MATCH: '资源对接',
  DELIVER: '援助落实',
  FOLLOW_UP: '回访',
  ACCEPT_ESCALATION: '审核上报',
  JOINT_MEETING: '联席会议决议',
  EMERGENCY_AID: '临时救助/先行救助',
  APPROVE_CLOSURE: '审批结案',
  MEETING_ACTION: '联席会议交办事项',
} as const satisfies Record<TaskKind, string>;

export const CASE_FLAG_LABELS = {
  SAFETY_RISK: '安全风险',
  HEALTH_RISK: '健康风险',
  CHILD_AT_RISK: '儿童风险',
  DISPUTE: '纠纷',
  OTHER: '其他',
} as const satisfies Record<CaseFlag, string>;
