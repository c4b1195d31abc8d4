import { describe, expect, it } from 'vitest';
import { releaseRefusal, reassignRefusal } from './rules.ts';
import type { Actor, CaseTask } from './types.ts';

/** Who may hand someone else's task on (issue 15): a supervisor over its unit, or an admin changing its assignee's account. */
const units = { community: 'c1', township: 't1', district: 'd1', city: 'y1' };
const caseworker: Actor = { id: 'u-cw', role: 'CASEWORKER', unitId: 't1' };
const colleague: Actor = { id: 'u-cw2', role: 'CASEWORKER', unitId: 't1' };
const supervisor: Actor = { id: 'u-sup', role: 'SUPERVISOR', unitId: 't1' };
const admin: Actor = { id: 'u-admin', role: 'ADMIN', unitId: 'y1' };
const manager: Actor = { id: 'u-mgr', role: 'MANAGER', unitId: 'y1' };
const otherSupervisor: Actor = { id: 'u-osup', role: 'SUPERVISOR', unitId: 't2' };
const station: Actor = { id: 'u-st', role: 'STATION_WORKER', unitId: 'c1' };

const task: CaseTask = {
  id: 'case:2',
  kind: 'SCREEN',
  status: 'OPEN',
  unitId: 't1',
  assigneeId: caseworker.id,
  createdAt: '2026-11-02T01:00:00.000Z',
  dueAt: '2026-11-05T01:00:00.000Z',
  completedAt: null,
  completedById: null,
};

describe('handing a colleague’s task on', () => {
  it('a supervisor over the unit and an admin may release it; a manager, a colleague or another township’s supervisor may not', () => {
    expect(releaseRefusal([task], units, task.id, supervisor)).toBeNull();
    expect(releaseRefusal([task], units, task.id, admin)).toBeNull();
    for (const actor of [manager, colleague, otherSupervisor])
      expect(releaseRefusal([task], units, task.id, actor)).toMatchObject({ code: 'NOT_ASSIGNEE' });
  });

  it('a supervisor or an admin reassigns it to someone who may do the kind at the unit; not to a station worker', () => {
    expect(reassignRefusal([task], units, task.id, colleague, supervisor)).toBeNull();
    expect(reassignRefusal([task], units, task.id, colleague, admin)).toBeNull();
    expect(reassignRefusal([task], units, task.id, colleague, manager)).toMatchObject({ code: 'FORBIDDEN' });
    expect(reassignRefusal([task], units, task.id, station, admin)).toMatchObject({
      code: 'INVALID',
      field: 'assignee',
    });
  });

  it('a completed task is not there to hand on', () => {
    const done = { ...task, status: 'DONE' as const };
    expect(releaseRefusal([done], units, task.id, supervisor)).toMatchObject({ code: 'TASK_NOT_FOUND' });
  });
});
