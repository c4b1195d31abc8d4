import polyglotI18nProvider from 'ra-i18n-polyglot';
import { mergeTranslations } from 'react-admin';
import { en } from '../i18n/en.ts';
import { zh } from '../i18n/zh.ts';
import { enEvaluation, zhEvaluation } from '../evaluation/i18n.ts';
import { enMatching, zhMatching } from '../matching/i18n.ts';

const messages = {
  zh: mergeTranslations(zh, zhMatching, zhEvaluation),
  en: mergeTranslations(en, enMatching, enEvaluation),
};

/** Chinese first; English on request (the choice is remembered by react-admin's store). */
export const i18nProvider = polyglotI18nProvider((locale) => (locale === 'en' ? messages.en : messages.zh), 'zh', [
  { locale: 'zh', name: '中文' },
  { locale: 'en', name: 'English' },
]);
