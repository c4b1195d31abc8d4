// The mix of the throughput run: five ways a case goes, which between them take every task kind
// (REGISTER … MEETING_ACTION), the common case-level actions and the matching ledger (a match
// proposed, accepted by the partner, a delivery recorded), from which MATCH and DELIVER complete.
import type { TaskKind } from '@guanai/workflows';

export type User = 'station' | 'discoverer' | 'caseworker' | 'supervisor' | 'district.supervisor' | 'partner';

export type Step =
  /** Find the open task of this kind (an inbox read), claim it, then complete it with the form: two actions. */
  | {
      do: 'task';
      kind: TaskKind;
      who: User;
      form: Record<string, unknown>;
      /** the task comes later (a timer) */ wait?: boolean;
    }
  /** A case-level action (POST /api/cases/:id/actions): one action. */
  | { do: 'act'; who: User; body: Record<string, unknown> }
  /** A note (POST /api/cases/:id/notes): one action. */
  | { do: 'note'; who: User; text: string }
  /**
   * The matching ledger, plain writes that send no Update (one action each): `propose` — the owning
   * center proposes the benchmark's medical resource for need 0 (POST /api/cases/:id/matches, holding
   * the amount); `accept` — the resource's partner accepts it (POST /api/matches/:id/accept);
   * `record` — a delivery is recorded on it (POST /api/matches/:id/deliveries).
   */
  | { do: 'propose'; who: User }
  | { do: 'accept'; who: User }
  | { do: 'record'; who: User };

export interface CasePath {
  name: string;
  /** Share of new cases that take this path. */
  weight: number;
  open: { who: 'station' | 'discoverer'; emergency?: boolean; discovererKind?: string };
  steps: Step[];
}

const nextYear = () => `${new Date().getUTCFullYear() + 1}-06-30`;

const screen = (outcome = 'RESIDUAL_NEED', referrals = ['YILIAO']): Step => ({
  do: 'task',
  kind: 'SCREEN',
  who: 'caseworker',
  form: { referrals, outcome },
});
const assess: Step = {
  do: 'task',
  kind: 'ASSESS',
  who: 'caseworker',
  form: { needs: [{ category: 'MEDICAL', severity: 'HIGH', description: '慢性病长期用药' }] },
};
const plan: Step = {
  do: 'task',
  kind: 'PLAN',
  who: 'caseworker',
  form: { summary: '申请医疗救助，链接慈善医疗项目，定期探访' },
};
const approve = (approved = true, who: User = 'supervisor'): Step => ({
  do: 'task',
  kind: 'APPROVE_PLAN',
  who,
  form: approved ? { approved } : { approved, reason: '请补充家庭收入情况' },
});
/** The benchmark's resource (created at setup): a medical charity project of the demo partner, over the whole city. */
export const BENCH_RESOURCE = {
  kind: 'CHARITY_PROJECT',
  name: '基准测试大病医疗援助',
  provider: '成都市慈善总会',
  categories: ['MEDICAL'],
  budget: 100_000_000,
} as const;
/** Held by each match and given by each delivery, in yuan. */
export const MATCH_AMOUNT = 2000;

// MATCH and DELIVER complete only from the ledger (issue 12): the task takes the case's accepted
// matches and its recorded deliveries, with an empty form.
const propose = (who: User = 'caseworker'): Step => ({ do: 'propose', who });
const accept: Step = { do: 'accept', who: 'partner' };
const record: Step = { do: 'record', who: 'partner' };
/** Propose, the partner accepts, MATCH: four actions. */
const match = (who: User = 'caseworker'): Step[] => [
  propose(who),
  accept,
  { do: 'task', kind: 'MATCH', who, form: {} },
];
/** The partner records what it gave, DELIVER: three actions. */
const deliver = (who: User = 'caseworker'): Step[] => [record, { do: 'task', kind: 'DELIVER', who, form: {} }];

export const PATHS: CasePath[] = [
  {
    name: 'standard: screening → assessment → plan → approval → matching → delivery → follow-up (timer) → closed',
    weight: 35,
    open: { who: 'station' },
    steps: [
      screen(),
      assess,
      plan,
      approve(),
      ...match(),
      ...deliver(),
      { do: 'task', kind: 'FOLLOW_UP', who: 'caseworker', form: { resolved: true }, wait: true },
    ],
  },
  {
    name: 'outreach: a discoverer reports, the station registers; government aid only, denied → assessment; closure proposed and approved',
    weight: 15,
    open: { who: 'discoverer', discovererKind: 'GRID_WORKER' },
    steps: [
      { do: 'task', kind: 'REGISTER', who: 'station', form: { verified: true } },
      screen('GOV_AID_ONLY', ['DIBAO']),
      { do: 'task', kind: 'MONITOR', who: 'caseworker', form: { granted: false, outcomes: { DIBAO: 'DENIED' } } },
      assess,
      { do: 'act', who: 'caseworker', body: { type: 'PROPOSE_CLOSURE', reason: 'declined' } },
      { do: 'task', kind: 'APPROVE_CLOSURE', who: 'supervisor', form: { approved: true } },
    ],
  },
  {
    name: '急难 emergency: temporary aid first; escalated to the district, which refers it to its joint meeting (to delivery); the meeting action; the district proposes, the partner accepts and delivers; closed',
    weight: 15,
    open: { who: 'station', emergency: true },
    steps: [
      { do: 'task', kind: 'EMERGENCY_AID', who: 'caseworker', form: { scheme: 'XIANXING', amount: 1500 } },
      screen(),
      assess,
      plan,
      approve(),
      { do: 'act', who: 'caseworker', body: { type: 'ESCALATE', reason: '本街道无可匹配的医疗资源' } },
      {
        do: 'task',
        kind: 'ACCEPT_ESCALATION',
        who: 'district.supervisor',
        form: { accepted: true, target: 'matching' },
      },
      { do: 'act', who: 'district.supervisor', body: { type: 'REFER_JOINT_MEETING', reason: '需卫健、医保部门协同' } },
      {
        do: 'task',
        kind: 'JOINT_MEETING',
        who: 'district.supervisor',
        form: {
          next: 'delivery',
          actions: [{ department: '区卫健局', action: '协调医院减免部分住院费用', deadline: nextYear() }],
        },
      },
      { do: 'task', kind: 'MEETING_ACTION', who: 'district.supervisor', form: { outcome: '医院已减免部分住院费用' } },
      // The meeting sent the case to delivery unmatched; the district now owns it and proposes.
      propose('district.supervisor'),
      accept,
      ...deliver('district.supervisor'),
      { do: 'act', who: 'district.supervisor', body: { type: 'CLOSE', reason: 'resolved' } },
    ],
  },
  {
    name: 'returned: a visit note; the plan returned once; flagged; escalation returned with guidance; matched, delivered, closed by the supervisor',
    weight: 15,
    open: { who: 'station' },
    steps: [
      { do: 'note', who: 'station', text: '入户走访，老人独居，行动不便' },
      screen(),
      assess,
      plan,
      approve(false),
      plan,
      approve(),
      { do: 'act', who: 'caseworker', body: { type: 'FLAG', flag: 'HEALTH_RISK', reason: '独居且患慢性病' } },
      { do: 'act', who: 'caseworker', body: { type: 'ESCALATE', reason: '本街道资源不足' } },
      {
        do: 'task',
        kind: 'ACCEPT_ESCALATION',
        who: 'district.supervisor',
        form: { accepted: false, guidance: '可对接街道慈善超市与社工站' },
      },
      ...match(),
      ...deliver(),
      { do: 'act', who: 'supervisor', body: { type: 'CLOSE', reason: 'resolved' } },
    ],
  },
  {
    name: 'no need: screened, closed at once',
    weight: 20,
    open: { who: 'station' },
    steps: [screen('NO_NEED', [])],
  },
];

/** Actions (HTTP writes) a path takes, the opening included: a task is two (claim, complete), any other step one. */
export const actionsOf = (path: CasePath) => 1 + path.steps.reduce((n, step) => n + (step.do === 'task' ? 2 : 1), 0);

/** Whether a step's writes go through the case workflow (an Update); the ledger's do not. */
export const sendsUpdate = (step: Step) => step.do === 'task' || step.do === 'act' || step.do === 'note';

/** Of those, the ledger's writes (no Update): propose, accept, record. */
export const ledgerWritesOf = (path: CasePath) => path.steps.filter((step) => !sendsUpdate(step)).length;

/** Picks a path by weight, deterministically from a counter (so runs are comparable). */
export function pathFor(n: number): CasePath {
  const total = PATHS.reduce((acc, p) => acc + p.weight, 0);
  // A fixed stride through the weights spreads the kinds evenly over time.
  let at = (n * 37) % total;
  for (const path of PATHS) {
    if (at < path.weight) return path;
    at -= path.weight;
  }
  return PATHS[0]!;
}
