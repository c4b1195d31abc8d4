import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type { Task } from '../tasks/types.ts';

export const me = {
  id: 'u-cw',
  username: 'caseworker',
  displayName: '社工 张伟',
  role: 'CASEWORKER',
  orgUnit: { id: 't1', name: '锦官驿街道', level: 'TOWNSHIP' },
};

export const screenTask: Task = {
  id: 'case-1:2',
  caseId: 'case-1',
  caseNo: 'GA-2026-000001',
  kind: 'SCREEN',
  status: 'OPEN',
  unitId: 't1',
  unitName: '锦官驿街道',
  assigneeId: null,
  assigneeName: null,
  dueAt: new Date(Date.now() - 3_600_000).toISOString(),
  createdAt: new Date(Date.now() - 4 * 24 * 3_600_000).toISOString(),
  completedAt: null,
  caseState: 'screening',
  personName: '张三明',
  emergency: false,
};

/** The API as the admin sees it; tests override single routes with server.use(). */
export const handlers = [
  http.get('*/api/auth/me', () => HttpResponse.json(me)),
  http.get('*/api/tasks', () => HttpResponse.json([screenTask], { headers: { 'Content-Range': 'tasks 0-0/1' } })),
  http.get('*/api/tasks/:id', () => HttpResponse.json(screenTask)),
];

export const server = setupServer(...handlers);

export const problem = (status: number, type: string, detail: string) =>
  HttpResponse.json({ type: `urn:guanai:problem:${type}`, title: 'Conflict', status, detail }, { status, headers: { 'Content-Type': 'application/problem+json' } });
