import { render, screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import polyglotI18nProvider from 'ra-i18n-polyglot';
import { App } from '../App.tsx';
import { en } from '../i18n/en/index.ts';
import { zh } from '../i18n/zh/index.ts';
import { server } from '../test/server.ts';
import { reasonText, visitDetails } from './CaseTimeline.tsx';
import { caseInScreening } from './test-fixtures.ts';

const translator = (messages: object, locale: string) => {
  const provider = polyglotI18nProvider(() => messages as never, locale);
  return ((key: string, options?: object) => provider.translate(key, options)) as Parameters<typeof reasonText>[1];
};

describe('reasons in the timeline', () => {
  it('an automatic escalation is shown in the reader’s language, from its code and from the older English text', () => {
    const inChinese = translator(zh, 'zh');
    expect(reasonText('SLA_BREACHED:MATCH', inChinese)).toBe('任务超期自动上报：资源对接');
    expect(reasonText('SLA breached: MATCH', inChinese)).toBe('任务超期自动上报：资源对接');
    expect(reasonText('SLA_BREACHED:MATCH', translator(en, 'en'))).toMatch(/^Escalated automatically, overdue: /);
  });

  it('a closure reason is translated, a person’s own words stay as written', () => {
    const inChinese = translator(zh, 'zh');
    expect(reasonText('declined', inChinese)).toBe('本人拒绝');
    expect(reasonText('本街道资源不足', inChinese)).toBe('本街道资源不足');
  });
});

describe('a visit in the timeline (issue 16: recorded on a phone, maybe offline)', () => {
  const visit = (at: string, payload: Record<string, unknown>) => ({
    at,
    payload: { kind: 'VISIT', text: '入户', ...payload },
  });
  const checkIn = '2026-03-01T02:00:00.000Z';
  const zhTime = new Date(checkIn).toLocaleString('zh-CN');

  it('sent hours after its check-in: the check-in time, marked as recorded offline, and the place with its accuracy', () => {
    const inChinese = translator(zh, 'zh');
    const details = visitDetails(
      visit('2026-03-01T05:30:00.000Z', { visitedAt: checkIn, place: { lat: 30.657, lng: 104.081, accuracyM: 12.4 } }),
      inChinese,
      'zh',
    );
    expect(details).toEqual({
      checkedIn: `签到时间：${zhTime}`,
      syncedLater: true,
      place: '签到位置：30.6570, 104.0810（±12 米）',
    });
    expect(
      visitDetails(
        visit('2026-03-01T05:30:00.000Z', { visitedAt: checkIn, place: { lat: 30.657, lng: 104.081, accuracyM: 12 } }),
        translator(en, 'en'),
        'en',
      ).place,
    ).toBe('Check-in place: 30.6570, 104.0810 (±12 m)');
  });

  it('sent within minutes: the check-in time without the offline mark; at once: the event’s own time only', () => {
    const inChinese = translator(zh, 'zh');
    expect(visitDetails(visit('2026-03-01T02:03:00.000Z', { visitedAt: checkIn }), inChinese, 'zh')).toEqual({
      checkedIn: `签到时间：${zhTime}`,
      syncedLater: false,
    });
    expect(visitDetails(visit('2026-03-01T02:00:20.000Z', { visitedAt: checkIn }), inChinese, 'zh')).toEqual({
      syncedLater: false,
    });
    // A place without its accuracy, and a note that is no visit.
    expect(visitDetails(visit(checkIn, { place: { lat: 30.6, lng: 104 } }), inChinese, 'zh').place).toBe(
      '签到位置：30.6000, 104.0000',
    );
    expect(visitDetails({ at: checkIn, payload: { text: '电话联系' } }, inChinese, 'zh')).toEqual({
      syncedLater: false,
    });
  });

  it('shows on the case page under the visit’s line', async () => {
    server.use(
      http.get('*/api/cases/:id', () =>
        HttpResponse.json(
          caseInScreening([
            {
              seq: 20,
              type: 'ADD_NOTE',
              fromState: 'matching',
              toState: 'matching',
              actorName: '网格员 赵强',
              at: '2026-03-01T05:30:00.000Z',
              payload: {
                kind: 'VISIT',
                text: '入户走访，老人精神尚可',
                visitedAt: checkIn,
                place: { lat: 30.657, lng: 104.081, accuracyM: 12 },
              },
              attachments: [],
            },
          ]),
        ),
      ),
    );
    window.location.hash = '#/cases/case-8/show';
    render(<App />);
    const timeline = await screen.findByRole('list', { name: '办理记录' }, { timeout: 20_000 });
    const line = within(timeline).getByText('走访记录：入户走访，老人精神尚可').closest('li')!;
    expect(within(line).getByText(`签到时间：${zhTime}`)).toBeTruthy();
    expect(within(line).getByText('离线记录，稍后同步')).toBeTruthy();
    expect(within(line).getByText('签到位置：30.6570, 104.0810（±12 米）')).toBeTruthy();
  });
});
