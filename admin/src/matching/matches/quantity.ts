import type { TMatch } from '@guanai/api/types';
import type { TranslateFunction } from 'react-admin';
import { yuan } from '../choices.ts';

/** What a match holds: places and/or money. */
export function matchQuantity(m: Pick<TMatch, 'places' | 'amount'>, translate: TranslateFunction): string {
  return (
    [
      m.places > 0 ? translate('guanai.matching.placesOf', { places: m.places }) : '',
      m.amount > 0 ? yuan(m.amount) : '',
    ]
      .filter(Boolean)
      .join(' · ') || '—'
  );
}

/** The need in words: category, severity, and what the assessment said. */
export function needText(
  m: Pick<TMatch, 'category' | 'severity' | 'needDescription'>,
  translate: TranslateFunction,
): string {
  const category = translate(`guanai.categories.${m.category}`, { _: m.category });
  const severity = m.severity ? `（${translate(`guanai.severities.${m.severity}`, { _: m.severity })}）` : '';
  return `${category}${severity}${m.needDescription ? `：${m.needDescription}` : ''}`;
}
