/** The vocabularies of the catalogue and the platform (@guanai/workflows/vocabulary), as react-admin choices with i18n keys. */

import {
  CAMPAIGN_TYPES,
  DELIVERY_KINDS,
  MATCH_STATUSES,
  NEED_CATEGORIES,
  PARTNER_KINDS,
  PROJECT_STATUSES,
  RESOURCE_KINDS,
  RESOURCE_STATUSES,
} from '@guanai/workflows/vocabulary';

const choices = (prefix: string, ids: readonly string[]) => ids.map((id) => ({ id, name: `${prefix}.${id}` }));

export const kindChoices = choices('guanai.matching.kinds', RESOURCE_KINDS);
export const resourceStatusChoices = choices('guanai.matching.resourceStatus', RESOURCE_STATUSES);
export const partnerKindChoices = choices('guanai.matching.partnerKinds', PARTNER_KINDS);
export const categoryChoices = choices('guanai.categories', NEED_CATEGORIES);
export const matchStatusChoices = choices('guanai.matching.matchStatus', MATCH_STATUSES);
export const projectStatusChoices = choices('guanai.matching.projectStatus', PROJECT_STATUSES);
export const deliveryKindChoices = choices('guanai.matching.deliveryKinds', DELIVERY_KINDS);
export const campaignTypeChoices = choices('guanai.matching.campaignTypes', CAMPAIGN_TYPES);

const YUAN = new Intl.NumberFormat('zh-CN', { style: 'currency', currency: 'CNY', maximumFractionDigits: 2 });

/** Money as the API gives it (yuan), e.g. ¥5,000.00. */
export const yuan = (amount: number) => YUAN.format(amount);

/** A fresh key per user action: a retried request with the same key has one effect on the server. */
export const newIdempotencyKey = () => (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`);
