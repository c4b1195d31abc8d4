import { describe, expect, it } from 'vitest';
import { i18nProvider } from './i18nProvider.ts';

describe('the i18n provider', () => {
  it('counts in Chinese: two selected rows are 已选 2 项, one is 已选 1 项', async () => {
    await i18nProvider.changeLocale('zh');
    expect(i18nProvider.translate('ra.action.bulk_actions', { smart_count: 2 })).toBe('已选 2 项');
    expect(i18nProvider.translate('ra.action.bulk_actions', { smart_count: 1 })).toBe('已选 1 项');
    expect(i18nProvider.translate('ra.notification.deleted', { smart_count: 3 })).toBe('已删除 3 项');
  });

  it('counts in English as before', async () => {
    await i18nProvider.changeLocale('en');
    expect(i18nProvider.translate('ra.action.bulk_actions', { smart_count: 2 })).toMatch(/^2 /);
    await i18nProvider.changeLocale('zh');
  });
});
