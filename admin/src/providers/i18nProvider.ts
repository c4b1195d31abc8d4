import polyglotI18nProvider from 'ra-i18n-polyglot';
import { en } from '../i18n/en/index.ts';
import { zh } from '../i18n/zh/index.ts';

/** Chinese first; English on request (the choice is remembered by react-admin's store). */
export const i18nProvider = polyglotI18nProvider((locale) => (locale === 'en' ? en : zh), 'zh', [
  { locale: 'zh', name: '中文' },
  { locale: 'en', name: 'English' },
]);
