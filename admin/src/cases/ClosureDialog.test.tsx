import type { TFormDefinition } from '@guanai/api/types';
import { deriveSchema, type FormLayout } from '@guanai/workflows/forms';
import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { App } from '../App.tsx';
import { server } from '../test/server.ts';
import { caseInScreening } from './test-fixtures.ts';

configure({ asyncUtilTimeout: 20_000 });

/** The city's closure form (结案评估), version 1: an assessment is required. */
const layout: FormLayout = {
  sections: [
    {
      title: { zh: '结案评估', en: 'Closure assessment' },
      fields: [
        {
          name: 'outcome',
          widget: 'select',
          label: { zh: '援助成效', en: 'Outcome' },
          required: true,
          choices: {
            options: [
              { value: 'RESOLVED', label: { zh: '困难已解决', en: 'Resolved' } },
              { value: 'EASED', label: { zh: '困难已缓解', en: 'Eased' } },
            ],
          },
        },
      ],
    },
  ],
};
const definition: TFormDefinition = {
  id: '0f0a0000-0017-4000-8000-000000000005',
  kind: 'CLOSURE',
  districtId: null,
  districtName: null,
  version: 1,
  status: 'PUBLISHED',
  schema: deriveSchema(layout),
  layout,
  current: true,
  createdByName: '系统管理员',
  createdAt: '2026-11-20T02:00:00.000Z',
  publishedByName: '系统管理员',
  publishedAt: '2026-11-20T02:00:00.000Z',
};

describe('closing a case takes the defined closure form (issue 17)', () => {
  it('the closure form is asked for with its version, required fields hold the dialog, and the answers go with the action', async () => {
    let sent: unknown = null;
    server.use(
      http.get('*/api/cases/:id', () => HttpResponse.json(caseInScreening([], { actions: ['PROPOSE_CLOSURE'] }))),
      http.get('*/api/forms/current', () => HttpResponse.json(definition)),
      http.post('*/api/cases/:id/actions', async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json({ caseId: 'case-8', state: 'screening', version: 2 });
      }),
    );
    window.location.hash = '#/cases/case-8/show';
    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: '申请结案' }));
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByText('第1版')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: '确认' }));
    // 援助成效 is required by the form's version: nothing is sent yet.
    await within(dialog).findByText(/必填|required/i);
    expect(sent).toBeNull();
    fireEvent.mouseDown(within(dialog).getByRole('combobox', { name: /援助成效/ }));
    fireEvent.click(await screen.findByRole('option', { name: '困难已缓解' }));
    fireEvent.click(within(dialog).getByRole('button', { name: '确认' }));
    await waitFor(() => expect(sent).not.toBeNull());
    expect(sent).toEqual({
      type: 'PROPOSE_CLOSURE',
      reason: 'resolved',
      answers: { definitionId: definition.id, values: { outcome: 'EASED' } },
    });
  });
});
