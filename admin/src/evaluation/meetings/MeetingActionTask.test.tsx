import type { TTask } from '@guanai/api/types';
import { configure, render, screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { App } from '../../App.tsx';
import { screenTask, server } from '../../test/server.ts';

// This machine runs several suites at once: give the pages time to load before a query gives up.
configure({ asyncUtilTimeout: 5_000 });

/** A joint meeting's action, a task of the district center: its title says which department does what. */
const action: TTask = {
  ...screenTask,
  id: 'case-9:7',
  kind: 'MEETING_ACTION',
  title: '住房和城乡建设局：安排公租房一套',
  caseState: 'matching',
  personName: '住房困难户',
};

describe('a meeting action in the task queue', () => {
  it('the list and the task page show what the department is to do', async () => {
    server.use(
      http.get('*/api/tasks', () => HttpResponse.json([action], { headers: { 'Content-Range': 'tasks 0-0/1' } })),
      http.get('*/api/tasks/:id', () => HttpResponse.json(action)),
    );
    window.location.hash = '#/tasks';
    render(<App />);
    expect(await screen.findByText('· 住房和城乡建设局：安排公租房一套')).toBeTruthy();
    window.location.hash = `#/tasks/${encodeURIComponent(action.id)}/show`;
    expect(await screen.findByText('住房和城乡建设局：安排公租房一套')).toBeTruthy();
    expect(screen.getByText('联席会议交办事项 · 住房困难户')).toBeTruthy();
  });
});
