import type { ClosureReason, NeedCategory, Severity } from '@guanai/workflows';

/**
 * The demo's plan (pure, deterministic from the case's index): which path each case takes through
 * the machine and where it stops, so that every state of the machine is present, and how far back
 * its story starts. The same index always gives the same case, so a retried load finds its work.
 */

/** Where a demo case's story ends: one per state of the machine, several closure reasons. */
export const DEMO_PATHS = [
  'intake',
  'screening',
  'monitoring',
  'assessment',
  'drafting',
  'awaitingApproval',
  'matching',
  'returned',
  'escalationDistrict',
  'escalationCity',
  'jointMeeting',
  'meetingMatching',
  'delivery',
  'followUp',
  'suspended',
  'closedResolved',
  'closedNoNeed',
  'closedGovAidOnly',
  'closedOther',
] as const;
export type DemoPath = (typeof DEMO_PATHS)[number];

/** Shares of about 300 cases: most are open in everyday steps, a fifth closed as resolved. */
const WEIGHTS: Record<DemoPath, number> = {
  intake: 8,
  screening: 22,
  monitoring: 10,
  assessment: 20,
  drafting: 14,
  awaitingApproval: 12,
  matching: 18,
  returned: 6,
  escalationDistrict: 10,
  escalationCity: 6,
  jointMeeting: 4,
  meetingMatching: 6,
  delivery: 18,
  followUp: 22,
  suspended: 8,
  closedResolved: 57,
  closedNoNeed: 14,
  closedGovAidOnly: 12,
  closedOther: 27,
};

/** Cases of the demo's sample communities go to (several districts, the seeded sample). */
export const CLOSE_REASONS: ClosureReason[] = ['declined', 'unreachable', 'moved', 'deceased', 'duplicate'];

/** A small deterministic generator (mulberry32), seeded per case. */
export function randomOf(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The path of case `index` out of `total`: the first cases take each path once (so a small demo
 * still has every state), the rest follow the weights in a fixed interleaved order.
 */
export function pathOf(index: number, total: number): DemoPath {
  if (index < DEMO_PATHS.length || total <= DEMO_PATHS.length) return DEMO_PATHS[index % DEMO_PATHS.length]!;
  const sum = Object.values(WEIGHTS).reduce((a, b) => a + b, 0);
  const point = (randomOf(index * 7919 + 17)() * sum) | 0;
  let acc = 0;
  for (const path of DEMO_PATHS) {
    acc += WEIGHTS[path];
    if (point < acc) return path;
  }
  return 'closedResolved';
}

/** Open paths whose waiting task may be left overdue: their breach only notifies (MATCH would auto-escalate). */
const MAY_BE_OVERDUE: ReadonlySet<DemoPath> = new Set([
  'screening',
  'assessment',
  'drafting',
  'awaitingApproval',
  'escalationDistrict',
  'escalationCity',
  'delivery',
]);

const CLOSED: ReadonlySet<DemoPath> = new Set(['closedResolved', 'closedNoNeed', 'closedGovAidOnly', 'closedOther']);

export interface DemoNeed {
  category: NeedCategory;
  severity: Severity;
  description: string;
  situation: string;
}

const NEEDS: DemoNeed[] = [
  {
    category: 'MEDICAL',
    severity: 'HIGH',
    description: '尿毒症透析费用缺口',
    situation: '户主患尿毒症需长期透析，医保报销后自付部分难以承担',
  },
  {
    category: 'BASIC_LIVING',
    severity: 'MEDIUM',
    description: '失业后家庭收入骤降',
    situation: '夫妻双方先后失业，两个孩子上学，家庭无稳定收入',
  },
  {
    category: 'CARE',
    severity: 'HIGH',
    description: '独居失能老人日常照料',
    situation: '八十岁独居老人，中风后行动不便，子女在外地',
  },
  {
    category: 'EDUCATION',
    severity: 'MEDIUM',
    description: '大学学费与生活费',
    situation: '单亲家庭，孩子考上大学，学费和生活费无着落',
  },
  {
    category: 'HOUSING',
    severity: 'HIGH',
    description: '房屋漏雨存在安全隐患',
    situation: '老旧平房屋顶漏雨、墙体开裂，雨季存在安全隐患',
  },
  {
    category: 'PSYCHOLOGICAL',
    severity: 'MEDIUM',
    description: '丧偶后情绪低落',
    situation: '老人丧偶后长期独处，情绪低落，邻居反映多日未出门',
  },
  {
    category: 'EMPLOYMENT',
    severity: 'LOW',
    description: '需要技能培训与就业推荐',
    situation: '残疾青年有就业意愿，缺少技能和岗位信息',
  },
  {
    category: 'LEGAL',
    severity: 'MEDIUM',
    description: '工伤赔偿纠纷需法律援助',
    situation: '外出务工受伤，用人单位拒绝赔偿，家庭陷入困境',
  },
  {
    category: 'EMERGENCY',
    severity: 'HIGH',
    description: '火灾后临时生活困难',
    situation: '家中突发火灾，衣物家具全部烧毁，一家四口暂住亲戚家',
  },
  {
    category: 'MEDICAL',
    severity: 'HIGH',
    description: '白血病患儿治疗费用',
    situation: '孩子确诊白血病，化疗费用高昂，家庭已负债',
  },
  {
    category: 'BASIC_LIVING',
    severity: 'HIGH',
    description: '因病致贫，基本生活困难',
    situation: '主要劳动力患病卧床，家庭收入低于低保标准',
  },
  {
    category: 'CARE',
    severity: 'MEDIUM',
    description: '重度残疾人托养照护',
    situation: '重度智力残疾成年人，父母年迈无力照护',
  },
];

export interface DemoCasePlan {
  index: number;
  path: DemoPath;
  /** Index into the communities the loader found (stable order). */
  community: number;
  emergency: boolean;
  /** Opened by a discoverer's outreach report (else the station's self-application). */
  outreach: boolean;
  needs: DemoNeed[];
  /** Milliseconds before "now" at which its last step happens. */
  lagMs: number;
  /** Milliseconds before the last step at which the case opens (its story's length). */
  spanMs: number;
  /** Closure reason for `closedOther`. */
  closeReason: ClosureReason;
  /** Leaves the waiting task claimed by a worker (else in the unit's queue). */
  claimLast: boolean;
  random: () => number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The whole plan of case `index`. `communities` is how many sample communities there are. */
export function planCase(index: number, total: number, communities: number): DemoCasePlan {
  const random = randomOf(index * 104729 + 31);
  const path = pathOf(index, total);
  const first = NEEDS[index % NEEDS.length]!;
  const second = NEEDS[(index * 5 + 3) % NEEDS.length]!;
  const needs = random() < 0.3 && second.category !== first.category ? [first, second] : [first];
  const overdue = MAY_BE_OVERDUE.has(path) && random() < 0.3;
  // An open case's last step is recent (its task is not due yet) unless it is left overdue; a
  // matching case stays within its SLA, whose breach would escalate it on its own.
  const lagMs = CLOSED.has(path)
    ? (1 + random() * 60) * DAY
    : overdue
      ? (16 + random() * 20) * DAY
      : (2 + random() * (path === 'matching' || path === 'meetingMatching' ? 40 : 60)) * HOUR;
  // Long stories reach back up to six months; the follow-up visit comes 30 days after delivery.
  const long = path === 'closedResolved' || path === 'closedGovAidOnly' || path === 'followUp';
  const spanMs = (long ? 32 + random() * 100 : 1 + random() * 110) * DAY;
  return {
    index,
    path,
    community: (index * 7 + ((index / communities) | 0)) % communities,
    emergency: first.category === 'EMERGENCY' || (path === 'screening' && random() < 0.15),
    outreach: path === 'intake' || random() < 0.35,
    needs,
    lagMs,
    spanMs,
    closeReason: CLOSE_REASONS[index % CLOSE_REASONS.length]!,
    claimLast: random() < 0.5,
    random,
  };
}
