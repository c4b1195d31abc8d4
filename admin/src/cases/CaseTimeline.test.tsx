import { describe, expect, it } from 'vitest';
import polyglotI18nProvider from 'ra-i18n-polyglot';
import { en } from '../i18n/en/index.ts';
import { zh } from '../i18n/zh/index.ts';
import { reasonText } from './CaseTimeline.tsx';

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
