import { findOpenTask, parentUnit, tierOf, TASK_ROLES } from '../case/rules.ts';
import { transition } from 'xstate';
import { caseMachine, stateName, type CaseContext, type CaseEvent, type CaseSnapshot } from '../case/machine.ts';
import type { Actor, CaseTask, UnitChain } from '../case/types.ts';

/**
 * The events a model-based test may send to a case in a given snapshot, with the right actors:
 * claims of unassigned tasks, every outcome of each claimed task, and the case-level actions.
 * Time is held still (`at`), so equal situations are equal states; timers are tested elsewhere.
 */
export interface ModelActors {
  station: Actor;
  caseworker: Actor;
  supervisor: Actor;
  districtSupervisor: Actor;
  citySupervisor: Actor;
}

export const MODEL_AT = '2026-11-02T01:00:00.000Z';

function workerFor(task: CaseTask, units: UnitChain, actors: ModelActors): Actor {
  const tier = tierOf(task.unitId, units);
  if (task.kind === 'REGISTER') return actors.station;
  if (tier === 'district') return actors.districtSupervisor;
  if (tier === 'city') return actors.citySupervisor;
  return TASK_ROLES[task.kind].includes('CASEWORKER') ? actors.caseworker : actors.supervisor;
}

function supervisorOf(unitId: string, units: UnitChain, actors: ModelActors): Actor {
  const tier = tierOf(unitId, units);
  return tier === 'district' ? actors.districtSupervisor : tier === 'city' ? actors.citySupervisor : actors.supervisor;
}

function completions(task: CaseTask, actor: Actor): CaseEvent[] {
  const base = { taskId: task.id, actor, at: MODEL_AT };
  switch (task.kind) {
    case 'REGISTER':
      return [{ type: 'REGISTERED', verified: true, ...base }];
    case 'SCREEN':
      return (['RESIDUAL_NEED', 'GOV_AID_ONLY', 'NO_NEED'] as const).map((outcome) => ({
        type: 'SCREENED',
        referrals: outcome === 'NO_NEED' ? [] : ['DIBAO'],
        outcome,
        ...base,
      }));
    case 'MONITOR':
      return [
        { type: 'GOV_AID_GRANTED', ...base },
        { type: 'GOV_AID_DENIED', ...base },
      ];
    case 'ASSESS':
      return [{ type: 'ASSESSED', needs: [{ category: 'MEDICAL', severity: 'HIGH' }], ...base }];
    case 'PLAN':
      return [{ type: 'PLAN_SUBMITTED', summary: '方案', ...base }];
    case 'APPROVE_PLAN':
      return [
        { type: 'PLAN_APPROVED', ...base },
        { type: 'PLAN_RETURNED', reason: '补充', ...base },
      ];
    case 'MATCH':
      return [{ type: 'MATCHED', matches: [{ category: 'MEDICAL', resource: '慈善项目' }], ...base }];
    case 'DELIVER':
      return [{ type: 'DELIVERED', items: [{ what: '资助', amount: 1000 }], ...base }];
    case 'FOLLOW_UP':
      return [
        { type: 'FOLLOWED_UP', resolved: true, ...base },
        { type: 'FOLLOWED_UP', resolved: false, ...base },
      ];
    case 'ACCEPT_ESCALATION':
      return [
        { type: 'ESCALATION_ACCEPTED', target: 'resume', ...base },
        { type: 'ESCALATION_ACCEPTED', target: 'matching', ...base },
        { type: 'ESCALATION_ACCEPTED', target: 'assessment', ...base },
        { type: 'ESCALATION_RETURNED', guidance: '指导', ...base },
      ];
    case 'JOINT_MEETING':
      return (['matching', 'delivery'] as const).map((next) => ({
        type: 'MEETING_RESOLVED',
        next,
        actions: [{ department: '民政局', action: '协调', deadline: '2026-12-31' }],
        ...base,
      }));
    case 'EMERGENCY_AID':
      return [{ type: 'TEMP_AID_GIVEN', scheme: 'LINSHI', amount: 500, ...base }];
    case 'APPROVE_CLOSURE':
      return [
        { type: 'CLOSURE_APPROVED', ...base },
        { type: 'CLOSURE_REJECTED', reason: '继续', ...base },
      ];
    case 'MEETING_ACTION':
      return [{ type: 'MEETING_ACTION_DONE', outcome: '已落实', ...base }];
  }
}

/** Beyond this many tasks a case only repeats situations already explored (keeps the graph finite). */
export const MODEL_TASK_LIMIT = 10;
/** Side actions (suspend, close, emergency …) are explored in the earlier part of a case only. */
export const SIDE_ACTION_LIMIT = 3;

export function modelEvents(actors: ModelActors) {
  return (snapshot: CaseSnapshot): CaseEvent[] => {
    const context = snapshot.context as CaseContext;
    if (context.taskSeq >= MODEL_TASK_LIMIT) return [];
    const { units } = context;
    const events: CaseEvent[] = [];
    for (const task of context.tasks.filter((t) => t.status === 'OPEN')) {
      const worker = workerFor(task, units, actors);
      if (task.assigneeId === null) events.push({ type: 'CLAIM', taskId: task.id, actor: worker, at: MODEL_AT });
      else events.push(...completions(task, worker));
    }
    const owner = supervisorOf(context.owningUnitId, units, actors);
    const ownerWorker = tierOf(context.owningUnitId, units) === 'township' ? actors.caseworker : owner;
    events.push(
      { type: 'ESCALATE', reason: '资源不足', actor: ownerWorker, at: MODEL_AT },
      { type: 'REFER_JOINT_MEETING', reason: '联席', actor: owner, at: MODEL_AT },
    );
    if (context.taskSeq <= SIDE_ACTION_LIMIT || snapshot.value === 'closed' || snapshot.value === 'suspended')
      events.push(
        { type: 'SUSPEND', reason: '住院', actor: owner, at: MODEL_AT },
        { type: 'RESUME', actor: owner, at: MODEL_AT },
        { type: 'CLOSE', reason: 'declined', actor: owner, at: MODEL_AT },
        { type: 'PROPOSE_CLOSURE', reason: 'moved', actor: ownerWorker, at: MODEL_AT },
        { type: 'MARK_EMERGENCY', reason: '急病', actor: ownerWorker, at: MODEL_AT },
        { type: 'REOPEN', reason: '重新开案', actor: owner, at: MODEL_AT },
      );
    if (context.followUpDueAt)
      events.push({
        type: 'FOLLOW_UP_DUE',
        actor: { id: 'system', role: 'SYSTEM', unitId: 'system' },
        at: context.followUpDueAt,
      });
    return events;
  };
}

/**
 * What distinguishes one situation of a case from another, for the graph of the model. Task ids
 * are part of it: events name tasks, so two snapshots that differ in them are different states.
 */
export function serializeCase(snapshot: CaseSnapshot): string {
  const context = snapshot.context as CaseContext;
  const open = context.tasks
    .filter((t) => t.status === 'OPEN')
    .map((t) => `${t.kind}#${t.id.split(':').pop()}${t.assigneeId ? '*' : ''}`)
    .sort();
  // Where a RESUME or a returned escalation goes back to is part of the situation too.
  const history = Object.entries(
    (snapshot as unknown as { historyValue?: Record<string, { id: string }[]> }).historyValue ?? {},
  )
    .map(
      ([node, states]) =>
        `${node}=${states
          .map((s) => s.id)
          .sort()
          .join('+')}`,
    )
    .sort();
  return [
    stateName(snapshot.value),
    tierOf(context.owningUnitId, context.units),
    context.emergency ? 'E' : '',
    open.join(','),
    context.closureProposal ? 'P' : '',
    context.taskSeq,
    history.join(';'),
  ].join('|');
}

export { findOpenTask, parentUnit };

interface PathLike<S> {
  state: S;
  steps: { state: S; event: { type: string } }[];
}

/**
 * Each step of a path as a transition "from --EVENT--> to" (state names only). A step holds the
 * event and the state it led to; the first step is the machine's start (xstate.init).
 */
export function transitionsOf<S extends CaseSnapshot>(path: PathLike<S>): string[] {
  return path.steps
    .slice(1)
    .map(
      (step, i) => `${stateName(path.steps[i]!.state.value)} --${step.event.type}--> ${stateName(step.state.value)}`,
    );
}

/**
 * A small set of paths that together take every transition the model reaches: for each
 * transition the shortest path ending with it, then greedily the longest first, keeping a path
 * only if it adds a transition not yet covered.
 */
export function coveringPaths<S extends CaseSnapshot, P extends PathLike<S>>(
  paths: P[],
): { paths: P[]; transitions: Set<string> } {
  const byLast = new Map<string, P>();
  for (const path of paths) {
    const last = transitionsOf(path).at(-1);
    if (!last) continue;
    const known = byLast.get(last);
    if (!known || path.steps.length < known.steps.length) byLast.set(last, path);
  }
  const covered = new Set<string>();
  const chosen: P[] = [];
  for (const path of [...byLast.values()].sort((a, b) => b.steps.length - a.steps.length)) {
    const adds = transitionsOf(path).filter((t) => !covered.has(t));
    if (adds.length === 0) continue;
    chosen.push(path);
    adds.forEach((t) => covered.add(t));
  }
  return { paths: chosen, transitions: covered };
}

/**
 * Shortest paths reach every state once; to take every transition, extend each of them by every
 * event its end state takes.
 */
export function extendByEveryEvent(
  paths: PathLike<CaseSnapshot>[],
  events: (snapshot: CaseSnapshot) => CaseEvent[],
): PathLike<CaseSnapshot>[] {
  return paths.flatMap((path) =>
    events(path.state)
      .filter((event) => path.state.status === 'active' && path.state.can(event))
      .map((event) => {
        const [next] = transition(caseMachine, path.state, event);
        return { state: next, steps: [...path.steps, { state: next, event }] };
      }),
  );
}
