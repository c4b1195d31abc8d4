import polyglotI18nProvider from 'ra-i18n-polyglot';
import { en } from '../i18n/en/index.ts';
import { zh } from '../i18n/zh/index.ts';

/**
 * Our Chinese messages that count say "1 项 |||| %{smart_count} 项" as the English ones do; Polyglot's
 * own rule for Chinese has a single form and would always say "1 项" (已选 1 项 with two rows selected).
 */
const pluralRules = {
  pluralTypes: { oneOther: (count: number) => (count === 1 ? 0 : 1) },
  pluralTypeToLanguages: { oneOther: ['zh', 'en'] },
};

/** Chinese first; English on request (the choice is remembered by react-admin's store). */
export const i18nProvider = polyglotI18nProvider(
  (locale) => (locale === 'en' ? en : zh),
  'zh',
  [
    { locale: 'zh', name: '中文' },
    { locale: 'en', name: 'English' },
  ],
  { pluralRules },
);
