import { describe, expect, it } from 'vitest';
import { createMachine } from 'xstate';
import { caseChart, machineChart, pathTaken, type Chart } from './chart.ts';
import { caseMachine } from './machine.ts';

const edge = (chart: Chart, from: string, event: string | null, to: string) =>
  chart.edges.find((e) => e.from === from && e.event === event && e.to === to);

/** Every state's dotted id in a machine's raw config (not its state nodes), to hold the chart to. */
function configIds(prefix: string, states: Record<string, { states?: Record<string, unknown> }> | undefined): string[] {
  return Object.entries(states ?? {}).flatMap(([key, config]) => [
    `${prefix}.${key}`,
    ...configIds(`${prefix}.${key}`, config.states as never),
  ]);
}

describe('the chart of a machine, read from its state nodes', () => {
  const door = createMachine({
    id: 'door',
    initial: 'closed',
    on: { KNOCK: { actions: [] } },
    states: {
      closed: { on: { OPEN: 'opened', LOCK: 'locked' } },
      opened: {
        initial: 'ajar',
        on: { CLOSE: 'closed' },
        states: { ajar: { on: { PUSH: 'wide' } }, wide: { always: 'ajar' }, back: { type: 'history' } },
      },
      locked: { on: { UNLOCK: '#door.opened.back' } },
      gone: { type: 'final' },
    },
  });

  it('has every state with its parent, children, initial child and kind', () => {
    const chart = machineChart(door);
    expect(chart.root).toBe('door');
    expect(chart.nodes.map((n) => n.id).sort()).toEqual(
      [
        'door',
        'door.closed',
        'door.opened',
        'door.opened.ajar',
        'door.opened.wide',
        'door.opened.back',
        'door.locked',
        'door.gone',
      ].sort(),
    );
    const opened = chart.nodes.find((n) => n.id === 'door.opened')!;
    expect(opened).toMatchObject({
      parent: 'door',
      kind: 'compound',
      initial: 'door.opened.ajar',
      children: ['door.opened.ajar', 'door.opened.wide', 'door.opened.back'],
      name: 'opened',
    });
    expect(chart.nodes.find((n) => n.id === 'door.gone')!.kind).toBe('final');
    expect(chart.nodes.find((n) => n.id === 'door.opened.back')).toMatchObject({ kind: 'history', history: 'shallow' });
    expect(chart.nodes.find((n) => n.id === 'door.opened.wide')!.name).toBe('opened.wide');
  });

  it('has an edge per transition with its event and target, eventless ones with none, actions-only events on the node', () => {
    const chart = machineChart(door);
    expect(chart.edges).toHaveLength(6);
    expect(edge(chart, 'door.closed', 'OPEN', 'door.opened')).toBeDefined();
    expect(edge(chart, 'door.closed', 'LOCK', 'door.locked')).toBeDefined();
    expect(edge(chart, 'door.opened', 'CLOSE', 'door.closed')).toBeDefined();
    expect(edge(chart, 'door.opened.ajar', 'PUSH', 'door.opened.wide')).toBeDefined();
    expect(edge(chart, 'door.opened.wide', null, 'door.opened.ajar')).toBeDefined();
    expect(edge(chart, 'door.locked', 'UNLOCK', 'door.opened.back')).toBeDefined();
    expect(chart.nodes.find((n) => n.id === 'door')!.internal).toEqual(['KNOCK']);
  });

  it('marks the states visited and the transitions taken, declared on an ancestor or aimed at a history state', () => {
    const chart = machineChart(door);
    const path = pathTaken(chart, [
      { event: 'OPEN', from: 'closed', to: 'opened.ajar' },
      { event: 'KNOCK', from: 'opened.ajar', to: 'opened.ajar' },
      { event: 'PUSH', from: 'opened.ajar', to: 'opened.wide' },
      { event: 'CLOSE', from: 'opened.wide', to: 'closed' },
      { event: 'LOCK', from: 'closed', to: 'locked' },
      { event: 'UNLOCK', from: 'locked', to: 'opened.wide' },
    ]);
    expect(path.states).toEqual(['door.closed', 'door.opened.ajar', 'door.opened.wide', 'door.locked']);
    expect(path.edges.sort()).toEqual(
      [
        edge(chart, 'door.closed', 'OPEN', 'door.opened')!.id,
        edge(chart, 'door.opened.ajar', 'PUSH', 'door.opened.wide')!.id,
        edge(chart, 'door.opened', 'CLOSE', 'door.closed')!.id,
        edge(chart, 'door.closed', 'LOCK', 'door.locked')!.id,
        edge(chart, 'door.locked', 'UNLOCK', 'door.opened.back')!.id,
      ].sort(),
    );
  });
});

describe('the case machine’s chart', () => {
  const chart = caseChart();
  const id = (name: string) => chart.nodes.find((n) => n.name === name && n.kind !== 'history')!.id;

  it('has every state of machine.ts, each resolvable in the machine, named as the case projection names it', () => {
    const ids = chart.nodes.map((n) => n.id);
    expect(ids.slice(1).sort()).toEqual(configIds('case', caseMachine.config.states as never).sort());
    for (const nodeId of ids) expect(caseMachine.getStateNodeById(nodeId).id).toBe(nodeId);
    const names = chart.nodes.filter((n) => n.kind === 'atomic' || n.kind === 'final').map((n) => n.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'intake',
        'screening',
        'planning.drafting',
        'followUp.visiting',
        'escalation',
        'closed',
        'archived',
      ]),
    );
    expect(chart.nodes.find((n) => n.name === 'archived')!.kind).toBe('final');
    expect(chart.nodes.find((n) => n.id === 'case.open.working')!.initial).toBe('case.open.working.intake');
  });

  it('has the transitions of machine.ts: SCREENED from screening to each of its outcomes, the open states’ CLOSE and SUSPEND', () => {
    for (const to of ['monitoring', 'assessment', 'closed'])
      expect(edge(chart, id('screening'), 'SCREENED', id(to))).toBeDefined();
    expect(edge(chart, 'case.open', 'CLOSE', id('closed'))).toBeDefined();
    expect(edge(chart, 'case.open', 'SUSPEND', id('suspended'))).toBeDefined();
    expect(edge(chart, id('suspended'), 'RESUME', 'case.open.hist')).toBeDefined();
    expect(edge(chart, id('planning'), 'ESCALATE', id('escalation'))).toBeDefined();
    expect(chart.nodes.find((n) => n.id === 'case')!.internal).toEqual(expect.arrayContaining(['CLAIM', 'ADD_NOTE']));
  });

  it('marks a case’s path from its timeline', () => {
    const path = pathTaken(chart, [
      { event: 'CASE_OPENED', from: null, to: 'intake' },
      { event: 'REGISTERED', from: 'intake', to: 'screening' },
      { event: 'CLAIM', from: 'screening', to: 'screening' },
      { event: 'SCREENED', from: 'screening', to: 'assessment' },
      { event: 'ASSESSED', from: 'assessment', to: 'planning.drafting' },
      { event: 'ESCALATE', from: 'planning.drafting', to: 'escalation' },
      { event: 'ESCALATION_RETURNED', from: 'escalation', to: 'planning.drafting' },
      { event: 'SUSPEND', from: 'planning.drafting', to: 'suspended' },
      { event: 'RESUME', from: 'suspended', to: 'planning.drafting' },
    ]);
    expect(path.states).toEqual(
      ['intake', 'screening', 'assessment', 'planning.drafting', 'escalation', 'suspended'].map(id),
    );
    expect(path.edges.sort()).toEqual(
      [
        edge(chart, id('intake'), 'REGISTERED', id('screening'))!.id,
        edge(chart, id('screening'), 'SCREENED', id('assessment'))!.id,
        edge(chart, id('assessment'), 'ASSESSED', id('planning'))!.id,
        edge(chart, id('planning'), 'ESCALATE', id('escalation'))!.id,
        edge(chart, id('escalation'), 'ESCALATION_RETURNED', 'case.open.working.hist')!.id,
        edge(chart, 'case.open', 'SUSPEND', id('suspended'))!.id,
        edge(chart, id('suspended'), 'RESUME', 'case.open.hist')!.id,
      ].sort(),
    );
  });

  it('prefers the exact target: an escalation accepted into matching took the edge to matching, not the history state', () => {
    const path = pathTaken(chart, [{ event: 'ESCALATION_ACCEPTED', from: 'escalation', to: 'matching' }]);
    expect(path.edges).toEqual([edge(chart, id('escalation'), 'ESCALATION_ACCEPTED', id('matching'))!.id]);
  });
});
