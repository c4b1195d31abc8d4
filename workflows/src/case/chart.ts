import type { AnyStateMachine, AnyStateNode } from 'xstate';
import { caseMachine, stateName, type CaseSnapshot } from './machine.ts';

/**
 * A statechart as a graph to draw, read from a machine's own state nodes at run time, so the picture
 * of the case (admin's case page) follows machine.ts with no other edit. Pure: no Node built-ins, so it
 * also runs in the browser.
 */

export type ChartNodeKind = 'atomic' | 'compound' | 'parallel' | 'final' | 'history';

export interface ChartNode {
  /** The machine's id and the path, dotted: `case.open.working.intake` (unique even if states set ids). */
  id: string;
  /** The state's own key: `intake`. */
  key: string;
  /** The keys from the root: `['open', 'working', 'intake']`; the root's is empty. */
  path: string[];
  /** The name a snapshot's state is known by (see `caseChart`); the dotted path unless told otherwise. */
  name: string;
  kind: ChartNodeKind;
  /** `deep` or `shallow` for a history state. */
  history?: 'deep' | 'shallow';
  parent: string | null;
  children: string[];
  /** The child entered first, for a compound state. */
  initial: string | null;
  /** Events this state takes without leaving it (actions only, such as CLAIM or ADD_NOTE). */
  internal: string[];
}

export interface ChartEdge {
  id: string;
  from: string;
  to: string;
  /** The event type; `null` for an eventless (`always`) transition. */
  event: string | null;
}

export interface Chart {
  root: string;
  nodes: ChartNode[];
  edges: ChartEdge[];
}

const nodeId = (machine: AnyStateMachine, path: readonly string[]) => [machine.id, ...path].join('.');

/**
 * The graph of a machine: every state node with its parent, children and initial child, and one edge
 * per (source, event, target) of its transitions — guarded alternatives to the same target drawn once.
 */
export function machineChart(
  machine: AnyStateMachine,
  nameOf: (path: readonly string[]) => string = (path) => path.join('.'),
): Chart {
  const nodes: ChartNode[] = [];
  const edges = new Map<string, ChartEdge>();
  const id = (node: AnyStateNode) => nodeId(machine, node.path);

  const visit = (node: AnyStateNode) => {
    const children = Object.values(node.states) as AnyStateNode[];
    const internal = new Set<string>();
    const transitions = [
      ...[...node.transitions.values()].flat().map((transition) => ({ transition, event: transition.eventType })),
      ...(node.always ?? []).map((transition) => ({ transition, event: null })),
    ];
    for (const { transition, event } of transitions) {
      const targets = (transition.target ?? []) as AnyStateNode[];
      if (targets.length === 0 && event !== null) internal.add(event);
      for (const target of targets) {
        const edge = { id: `${id(node)}→${id(target)}:${event ?? ''}`, from: id(node), to: id(target), event };
        edges.set(edge.id, edge);
      }
    }
    const initialTarget = node.type === 'compound' ? (node.initial.target[0] as AnyStateNode | undefined) : undefined;
    nodes.push({
      id: id(node),
      key: node.key,
      path: [...node.path],
      name: nameOf(node.path),
      kind: node.type,
      // A history state without `history` is shallow (XState's default).
      ...(node.type === 'history' ? { history: node.history === 'deep' ? 'deep' : 'shallow' } : {}),
      parent: node.parent ? id(node.parent) : null,
      children: children.map(id),
      initial: initialTarget ? id(initialTarget) : null,
      internal: [...internal],
    });
    children.forEach(visit);
  };
  visit(machine.root);
  return { root: id(machine.root), nodes, edges: [...edges.values()] };
}

/** A path of keys as the state value it names: `['open', 'working', 'intake']` → `{ open: { working: 'intake' } }`. */
function valueOf(path: readonly string[]): CaseSnapshot['value'] {
  const [leaf, ...outer] = [...path].reverse();
  return outer.reduce<unknown>((value, key) => ({ [key]: value }), leaf ?? '') as CaseSnapshot['value'];
}

/** The case machine's chart, each node named as the case's projection names its state (`planning.drafting`). */
export function caseChart(): Chart {
  return machineChart(caseMachine, (path) => (path.length ? stateName(valueOf(path)) : ''));
}

/** One move on a case's timeline: the event and the state names before and after it. */
export interface ChartStep {
  event: string;
  from: string | null;
  to: string;
}

export interface ChartPath {
  /** The nodes the case has been in, oldest first, each once. */
  states: string[];
  /** The edges it took, each once. */
  edges: string[];
}

/** A node and its ancestors, nearest first. */
function lineage(chart: Chart, start: string | undefined): string[] {
  const byId = new Map(chart.nodes.map((node) => [node.id, node]));
  const chain: string[] = [];
  for (let node = start ? byId.get(start) : undefined; node; node = node.parent ? byId.get(node.parent) : undefined)
    chain.push(node.id);
  return chain;
}

/**
 * The states visited and the transitions taken by a case's steps. A transition may be declared on an
 * ancestor of the state left (ESCALATE on `planning`, CLOSE on `open`) and aim at an ancestor of the
 * state entered (`followUp`) or at a history state that re-enters it: the nearest source and the most
 * exact target win. Steps that stay in their state (a claim, a note) are not moves.
 */
export function pathTaken(chart: Chart, steps: readonly ChartStep[]): ChartPath {
  const byName = new Map(
    chart.nodes.filter((node) => node.kind !== 'history' && node.id !== chart.root).map((node) => [node.name, node.id]),
  );
  const byId = new Map(chart.nodes.map((node) => [node.id, node]));
  const states = new Set<string>();
  const edges = new Set<string>();
  for (const step of steps) {
    const to = byName.get(step.to);
    const from = step.from === null ? undefined : byName.get(step.from);
    if (to && (step.from === null || step.from !== step.to)) {
      if (from) states.add(from);
      states.add(to);
    }
    if (!from || !to || step.from === step.to) continue;
    const sources = lineage(chart, from);
    const targets = lineage(chart, to);
    let best: { id: string; score: number } | null = null;
    for (const edge of chart.edges) {
      if (edge.event !== step.event) continue;
      const source = sources.indexOf(edge.from);
      if (source < 0) continue;
      const target = byId.get(edge.to);
      const direct = targets.indexOf(edge.to);
      // A history state re-enters some descendant of its parent: the least exact target.
      const viaHistory = target?.kind === 'history' ? targets.indexOf(target.parent ?? '') : -1;
      const depth = direct >= 0 ? direct : viaHistory >= 0 ? 100 + viaHistory : -1;
      if (depth < 0) continue;
      const score = source * 1000 + depth;
      if (!best || score < best.score) best = { id: edge.id, score };
    }
    if (best) edges.add(best.id);
  }
  return { states: [...states], edges: [...edges] };
}
