import { configure, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { App } from '../App.tsx';
import { me, screenTask, server } from '../test/server.ts';
import { caseInMatching } from './test-fixtures.ts';

// The whole app renders for each test: give a loaded machine time to sign in and fetch.
configure({ asyncUtilTimeout: 5000 });

/** My open task of a kind, and what completing it posts. */
function myTask(kind: 'MATCH' | 'DELIVER') {
  const bodies: unknown[] = [];
  server.use(
    http.get('*/api/tasks/:id', () => HttpResponse.json({ ...screenTask, kind, caseState: kind === 'MATCH' ? 'matching' : 'delivery', assigneeId: me.id, assigneeName: me.displayName })),
    http.post('*/api/tasks/:id/complete', async ({ request }) => {
      bodies.push(await request.json());
      return HttpResponse.json({ caseId: 'case-9', state: kind === 'MATCH' ? 'delivery' : 'followUp.waiting' });
    }),
    http.get('*/api/cases/:id', () => HttpResponse.json({ ...caseInMatching, state: 'delivery' })),
  );
  window.location.hash = `#/tasks/${encodeURIComponent(screenTask.id)}/show`;
  render(<App />);
  return bodies;
}

describe('MATCH and DELIVER tasks from the catalogue’s records', () => {
  it('MATCH: “use the accepted matches” sends an empty form, so the API takes them', async () => {
    const bodies = myTask('MATCH');
    expect(((await screen.findByLabelText('使用已接受的对接结果')) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByText('取本案所有已被合作机构接受的对接。')).toBeTruthy();
    expect(screen.queryByLabelText('资源/项目 *')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '提交' }));
    await waitFor(() => expect(bodies).toEqual([{ form: {} }]));
    expect(await screen.findByText('已办结，案件进入：援助落实')).toBeTruthy();
  });

  it('MATCH: entering by hand still sends the rows typed', async () => {
    const bodies = myTask('MATCH');
    fireEvent.click(await screen.findByLabelText('手动填写'));
    fireEvent.change(await screen.findByLabelText('资源/项目 *'), { target: { value: '社区食堂' } });
    fireEvent.click(screen.getByRole('button', { name: '提交' }));
    await waitFor(() => expect(bodies).toEqual([{ form: { matches: [{ category: 'BASIC_LIVING', resource: '社区食堂' }] } }]));
  });

  it('DELIVER: “use the delivery ledger” sends an empty form, even after looking at the manual rows', async () => {
    const bodies = myTask('DELIVER');
    fireEvent.click(await screen.findByLabelText('手动填写'));
    expect(await screen.findByLabelText('内容 *')).toBeTruthy(); // an empty required row, left unfilled
    fireEvent.click(screen.getByLabelText('使用落实台账'));
    await waitFor(() => expect(screen.queryByLabelText('内容 *')).toBeNull());
    fireEvent.click(screen.getByRole('button', { name: '提交' }));
    await waitFor(() => expect(bodies).toEqual([{ form: {} }]));
  });
});
