import { configure, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../App.tsx';
import { signInAs, userAs } from '../test/server.ts';

// This machine runs several suites at once: give the pages time to load before a query gives up.
configure({ asyncUtilTimeout: 5_000 });

const EVALUATION = ['绩效评价', '联席会议', '自评报告'];

/** The evaluation entries of the side menu, once `waitFor` (an entry the role surely has) shows that permissions have loaded. */
async function evaluationMenu(waitFor: string) {
  window.location.hash = '#/tasks';
  render(<App />);
  await screen.findAllByRole('menuitem', { name: waitFor });
  return screen
    .getAllByRole('menuitem')
    .map((item) => item.textContent)
    .filter((text): text is string => EVALUATION.includes(text ?? ''));
}

describe('the evaluation menu follows what each role may call', () => {
  it('a caseworker has none of it', async () => {
    expect(await evaluationMenu('困难群众信息库')).toEqual([]);
  });

  it('a supervisor has the KPIs and the joint meetings', async () => {
    signInAs(userAs('SUPERVISOR'));
    expect(await evaluationMenu('联席会议')).toEqual(['绩效评价', '联席会议']);
  });

  it('a manager has the KPIs and the joint meetings', async () => {
    signInAs(userAs('MANAGER'));
    expect(await evaluationMenu('绩效评价')).toEqual(['绩效评价', '联席会议']);
  });

  it('a partner has only the self-report', async () => {
    signInAs(userAs('PARTNER'));
    expect(await evaluationMenu('自评报告')).toEqual(['自评报告']);
  });

  it('an admin has none of it (publishing is on the managers’ dashboard)', async () => {
    signInAs(userAs('ADMIN'));
    expect(await evaluationMenu('用户')).toEqual([]);
  });
});
