import type { TCaseDetail, TCaseEvent } from '@guanai/api/types';
import { configure, render, screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { App } from '../App.tsx';
import { server, signInAs, userAs } from '../test/server.ts';
import { caseInScreening } from './test-fixtures.ts';

// The whole app renders: give it time to sign in and fetch the case.
configure({ asyncUtilTimeout: 20_000 });

const opened = (payload: Record<string, unknown>): TCaseEvent => ({
  seq: 1,
  type: 'CASE_OPENED',
  fromState: null,
  toState: 'intake',
  actorName: '网格员 赵强',
  at: '2026-03-01T00:00:00.000Z',
  payload,
  attachments: [],
});

/** The case page's 来源 (origin) field, once the case has loaded. */
async function originOf(record: TCaseDetail) {
  server.use(http.get('*/api/cases/:id', () => HttpResponse.json(record)));
  window.location.hash = `#/cases/${record.id}/show`;
  render(<App />);
  await screen.findByRole('list', { name: '办理记录' });
  return screen.getByText('来源').closest('p')!.parentElement!;
}

describe('§四(一) the door a case came in by, on its page', () => {
  it('主动发现: by whom, as the CASE_OPENED event says', async () => {
    const origin = await originOf(
      caseInScreening([opened({ origin: 'OUTREACH', emergency: false, discovererKind: 'BUILDING_LEADER' })]),
    );
    expect(within(origin).getByText('主动发现 · 楼栋长')).toBeTruthy();
  });

  it('转介 from the 12345 hotline: its ticket number', async () => {
    const referral = { source: 'HOTLINE_12345', ticketNo: 'GD-20260301-0042' } as const;
    const origin = await originOf(
      caseInScreening([opened({ origin: 'REFERRAL', referral })], { origin: 'REFERRAL', referral }),
    );
    expect(within(origin).getByText('转介 · 12345热线 工单号 GD-20260301-0042')).toBeTruthy();
  });

  it('转介 from a member department: its name', async () => {
    const referral = { source: 'DEPARTMENT', departmentCode: 'CIVIL_AFFAIRS' } as const;
    const origin = await originOf(
      caseInScreening([opened({ origin: 'REFERRAL', referral })], { origin: 'REFERRAL', referral }),
    );
    expect(await within(origin).findByText('转介 · 民政局')).toBeTruthy();
  });

  it('个人申请 from an online application: a link to the application for its station', async () => {
    const applicationId = '3f1c2d4e-0000-4000-8000-00000000a001';
    const record = caseInScreening([opened({ origin: 'SELF_APPLICATION', applicationId })], {
      origin: 'SELF_APPLICATION',
      applicationId,
    });
    signInAs(userAs('STATION_WORKER'));
    const origin = await originOf(record);
    expect(within(origin).getByText('个人申请')).toBeTruthy();
    expect(within(origin).getByRole('link', { name: '来自网上申请' }).getAttribute('href')).toBe(
      `#/applications/${applicationId}/show`,
    );
  });

  it('an online application is only marked for a manager, who may not read applications', async () => {
    const applicationId = '3f1c2d4e-0000-4000-8000-00000000a001';
    signInAs(userAs('MANAGER'));
    const origin = await originOf(
      caseInScreening([opened({ origin: 'SELF_APPLICATION', applicationId })], {
        origin: 'SELF_APPLICATION',
        applicationId,
      }),
    );
    expect(within(origin).getByText('来自网上申请')).toBeTruthy();
    expect(within(origin).queryByRole('link', { name: '来自网上申请' })).toBeNull();
  });
});
