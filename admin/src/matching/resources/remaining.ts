import type { TranslateFunction } from 'react-admin';
import { yuan } from '../choices.ts';

/** What a resource still has: places left and/or money left (a resource may have neither: no limit). */
export function remainingText(
  r: { remainingPlaces: number | null; remainingAmount: number | null; capacity?: number | null },
  translate: TranslateFunction,
): string {
  const parts: string[] = [];
  if (r.remainingPlaces !== null)
    parts.push(
      translate('guanai.matching.places', {
        left: r.capacity ? `${r.remainingPlaces}/${r.capacity}` : r.remainingPlaces,
      }),
    );
  if (r.remainingAmount !== null) parts.push(translate('guanai.matching.amount', { amount: yuan(r.remainingAmount) }));
  return parts.join(' · ') || translate('guanai.matching.unlimited');
}
