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
    http.get('*/api/tasks/:id', () =>
      HttpResponse.json({
        ...screenTask,
        kind,
        caseState: kind === 'MATCH' ? 'matching' : 'delivery',
        assigneeId: me.id,
        assigneeName: me.displayName,
      }),
    ),
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
  it('§四(七) MATCH: completes from the accepted matches, with nothing to type in (an empty form)', async () => {
    const bodies = myTask('MATCH');
    expect(await screen.findByText('取本案所有已被合作机构接受的对接。')).toBeTruthy();
    expect(screen.queryByLabelText('手动填写')).toBeNull();
    expect(screen.queryByLabelText('资源/项目 *')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '提交' }));
    await waitFor(() => expect(bodies).toEqual([{ form: {} }]));
    expect(await screen.findByText('已办结，案件进入：援助落实')).toBeTruthy();
  });

  it('§四(七) DELIVER: completes from the delivery ledger; only a note can be added', async () => {
    const bodies = myTask('DELIVER');
    expect(await screen.findByText('取本案已接受对接上登记的全部落实记录。')).toBeTruthy();
    expect(screen.queryByLabelText('手动填写')).toBeNull();
    expect(screen.queryByLabelText('内容 *')).toBeNull();
    fireEvent.change(screen.getByLabelText('备注'), { target: { value: '已按台账落实' } });
    fireEvent.click(screen.getByRole('button', { name: '提交' }));
    await waitFor(() => expect(bodies).toEqual([{ form: { note: '已按台账落实' } }]));
  });
});
