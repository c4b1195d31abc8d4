/** The vocabularies of the catalogue and the platform (docs/matching-api.md), as react-admin choices with i18n keys. */

export const RESOURCE_KINDS = [
  'GOVERNMENT_SCHEME', // 政府救助
  'CHARITY_PROJECT', // 慈善项目
  'VOLUNTEER_SERVICE', // 志愿服务
  'PURCHASED_SERVICE', // 政府购买服务: needs its contract number
  'FUNDRAISING', // 募捐: a campaign whose budget is what was raised
] as const;
export const RESOURCE_STATUSES = ['DRAFT', 'PUBLISHED', 'PAUSED', 'CLOSED'] as const;
export const PARTNER_KINDS = ['CHARITY', 'SOCIAL_WORK_AGENCY', 'VOLUNTEER_TEAM', 'SERVICE_PROVIDER', 'GOVERNMENT_DEPARTMENT'] as const;
export const CATEGORIES = ['BASIC_LIVING', 'MEDICAL', 'EDUCATION', 'HOUSING', 'EMPLOYMENT', 'CARE', 'PSYCHOLOGICAL', 'LEGAL', 'EMERGENCY', 'OTHER'] as const;
export const MATCH_STATUSES = ['PROPOSED', 'ACCEPTED', 'DECLINED', 'CANCELLED'] as const;
export const PROJECT_STATUSES = ['PUBLISHED', 'FUNDED', 'WITHDRAWN'] as const;
export const DELIVERY_KINDS = ['MONEY', 'GOODS', 'SERVICE'] as const;

const choices = (prefix: string, ids: readonly string[]) => ids.map((id) => ({ id, name: `${prefix}.${id}` }));

export const kindChoices = choices('guanai.matching.kinds', RESOURCE_KINDS);
export const resourceStatusChoices = choices('guanai.matching.resourceStatus', RESOURCE_STATUSES);
export const partnerKindChoices = choices('guanai.matching.partnerKinds', PARTNER_KINDS);
export const categoryChoices = choices('guanai.categories', CATEGORIES);
export const matchStatusChoices = choices('guanai.matching.matchStatus', MATCH_STATUSES);
export const projectStatusChoices = choices('guanai.matching.projectStatus', PROJECT_STATUSES);
export const deliveryKindChoices = choices('guanai.matching.deliveryKinds', DELIVERY_KINDS);
export const campaignTypeChoices = choices('guanai.matching.campaignTypes', ['PUBLIC', 'DIRECTED']);

const YUAN = new Intl.NumberFormat('zh-CN', { style: 'currency', currency: 'CNY', maximumFractionDigits: 2 });

/** Money as the API gives it (yuan), e.g. ¥5,000.00. */
export const yuan = (amount: number) => YUAN.format(amount);

/** A fresh key per user action: a retried request with the same key has one effect on the server. */
export const newIdempotencyKey = () => (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`);
