import type { TFormDefinition } from '@guanai/api/types';
import { deriveSchema, type FormLayout } from '@guanai/workflows/forms';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { App } from '../App.tsx';
import { me, screenTask, server } from '../test/server.ts';

/** Version 2 of 锦江区's assessment form: a carer's relation is asked only when there is a carer. */
const layout: FormLayout = {
  sections: [
    {
      title: { zh: '照料情况', en: 'Care' },
      help: { zh: '照料人指日常照顾服务对象生活的人。', en: 'A carer looks after the person day to day.' },
      fields: [
        {
          name: 'housing',
          widget: 'select',
          label: { zh: '住房状况', en: 'Housing' },
          required: true,
          choices: {
            options: [
              { value: 'OWN', label: { zh: '自有住房', en: 'Own home' } },
              { value: 'RENTED', label: { zh: '租住', en: 'Rented' } },
            ],
          },
        },
        { name: 'hasCarer', widget: 'boolean', label: { zh: '是否有照料人', en: 'Has a carer' } },
        {
          name: 'carerRelation',
          widget: 'text',
          label: { zh: '照料人与本人关系', en: 'Carer’s relation' },
          required: true,
          visibleIf: { field: 'hasCarer', equals: true },
        },
      ],
    },
  ],
};
const definition: TFormDefinition = {
  id: '7b0c3c52-1f0e-4d43-9d61-2f3f4f1b2a01',
  kind: 'ASSESSMENT',
  districtId: 'd1',
  districtName: '锦江区',
  version: 2,
  status: 'PUBLISHED',
  schema: deriveSchema(layout),
  layout,
  current: true,
  createdByName: '系统管理员',
  createdAt: '2026-11-20T02:00:00.000Z',
  publishedByName: '系统管理员',
  publishedAt: '2026-11-20T02:00:00.000Z',
};

function assessTask() {
  let body: unknown = null;
  let asked: string | null = null;
  server.use(
    http.get('*/api/tasks/:id', () =>
      HttpResponse.json({
        ...screenTask,
        kind: 'ASSESS',
        caseState: 'assessment',
        assigneeId: me.id,
        assigneeName: me.displayName,
      }),
    ),
    http.get('*/api/forms/current', ({ request }) => {
      asked = new URL(request.url).search;
      return HttpResponse.json(definition);
    }),
    http.post('*/api/tasks/:id/complete', async ({ request }) => {
      body = await request.json();
      return HttpResponse.json({ caseId: 'case-1', state: 'planning.drafting', version: 9 });
    }),
    http.get('*/api/cases/:id', () =>
      HttpResponse.json({ id: 'case-1', caseNo: 'GA-2026-000001', events: [], tasks: [] }),
    ),
  );
  window.location.hash = `#/tasks/${encodeURIComponent(screenTask.id)}/show`;
  render(<App />);
  return { sent: () => body, asked: () => asked };
}

describe('the defined form in a task', () => {
  it('shows a conditional field only while its condition holds, and sends the answers beside the form', async () => {
    const { sent, asked } = assessTask();
    expect(await screen.findByText('需求评估表', undefined, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByText('第2版')).toBeTruthy();
    expect(screen.getByText('照料人指日常照顾服务对象生活的人。')).toBeTruthy();
    expect(asked()).toBe('?kind=ASSESSMENT&caseId=case-1');
    // No carer: the relation is not asked.
    expect(screen.queryByLabelText(/照料人与本人关系/)).toBeNull();
    fireEvent.click(screen.getByLabelText('是否有照料人'));
    const relation = await screen.findByLabelText(/照料人与本人关系/);
    fireEvent.change(relation, { target: { value: '女儿' } });
    // Unticked again, it goes, and its answer with it.
    fireEvent.click(screen.getByLabelText('是否有照料人'));
    await waitFor(() => expect(screen.queryByLabelText(/照料人与本人关系/)).toBeNull());
    fireEvent.click(screen.getByLabelText('是否有照料人'));
    fireEvent.change(await screen.findByLabelText(/照料人与本人关系/), { target: { value: '儿子' } });

    fireEvent.mouseDown(screen.getByRole('combobox', { name: /住房状况/ }));
    fireEvent.click(await screen.findByRole('option', { name: '租住' }));
    fireEvent.click(screen.getByRole('button', { name: '提交' }));
    await waitFor(() => expect(sent()).not.toBeNull(), { timeout: 5_000 });
    expect(sent()).toMatchObject({
      form: { needs: [{ category: 'BASIC_LIVING', severity: 'MEDIUM' }] },
      answers: {
        definitionId: definition.id,
        values: { housing: 'RENTED', hasCarer: true, carerRelation: '儿子' },
      },
    });
  });

  it('sends no relation when there is no carer (the version refuses a hidden answer)', async () => {
    const { sent } = assessTask();
    expect(await screen.findByText('需求评估表', undefined, { timeout: 10_000 })).toBeTruthy();
    fireEvent.click(screen.getByLabelText('是否有照料人'));
    fireEvent.change(await screen.findByLabelText(/照料人与本人关系/), { target: { value: '女儿' } });
    fireEvent.click(screen.getByLabelText('是否有照料人'));
    await waitFor(() => expect(screen.queryByLabelText(/照料人与本人关系/)).toBeNull());
    fireEvent.mouseDown(screen.getByRole('combobox', { name: /住房状况/ }));
    fireEvent.click(await screen.findByRole('option', { name: '自有住房' }));
    fireEvent.click(screen.getByRole('button', { name: '提交' }));
    await waitFor(() => expect(sent()).not.toBeNull(), { timeout: 5_000 });
    expect((sent() as { answers: unknown }).answers).toEqual({
      definitionId: definition.id,
      values: { housing: 'OWN', hasCarer: false },
    });
  });
});
