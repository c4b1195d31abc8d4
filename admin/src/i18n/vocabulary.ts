import type {
  DeliveryKind,
  NeedCategory,
  ResourceKind,
  SnapshotKind,
  SurveyQuestion,
} from '@guanai/workflows/vocabulary';

/**
 * The labels of the vocabularies that the public pages show as well as the admin, keyed by the codes
 * of @guanai/workflows/vocabulary: zh.ts, matching/i18n.ts and evaluation/i18n.ts take them from here,
 * and so does public/i18n.tsx, which loads this small file instead of the admin's whole dictionaries.
 */
export const zhVocabulary = {
  categories: {
    BASIC_LIVING: '基本生活',
    MEDICAL: '医疗',
    EDUCATION: '教育',
    HOUSING: '住房',
    EMPLOYMENT: '就业',
    CARE: '照料护理',
    PSYCHOLOGICAL: '心理疏导',
    LEGAL: '法律援助',
    EMERGENCY: '急难',
    OTHER: '其他',
  } satisfies Record<NeedCategory, string>,
  resourceKinds: {
    GOVERNMENT_SCHEME: '政府救助',
    CHARITY_PROJECT: '慈善项目',
    VOLUNTEER_SERVICE: '志愿服务',
    PURCHASED_SERVICE: '政府购买服务',
    FUNDRAISING: '募捐',
  } satisfies Record<ResourceKind, string>,
  deliveryKinds: { MONEY: '资金', GOODS: '物资', SERVICE: '服务' } satisfies Record<DeliveryKind, string>,
  /** A snapshot's kind, and UNCHANGED: what publishing a month that did not change did. */
  publishKinds: { ORIGINAL: '首次发布', CORRECTION: '更正', UNCHANGED: '无变化' } satisfies Record<
    SnapshotKind | 'UNCHANGED',
    string
  >,
  surveyQuestions: { satisfaction: '总体满意度', timeliness: '及时性', respect: '尊重与态度' } satisfies Record<
    SurveyQuestion,
    string
  >,
};

export const enVocabulary: typeof zhVocabulary = {
  categories: {
    BASIC_LIVING: 'Basic living',
    MEDICAL: 'Medical',
    EDUCATION: 'Education',
    HOUSING: 'Housing',
    EMPLOYMENT: 'Employment',
    CARE: 'Care',
    PSYCHOLOGICAL: 'Psychological',
    LEGAL: 'Legal aid',
    EMERGENCY: 'Emergency',
    OTHER: 'Other',
  },
  resourceKinds: {
    GOVERNMENT_SCHEME: 'Government scheme',
    CHARITY_PROJECT: 'Charity project',
    VOLUNTEER_SERVICE: 'Volunteer service',
    PURCHASED_SERVICE: 'Purchased service',
    FUNDRAISING: 'Fundraising',
  },
  deliveryKinds: { MONEY: 'Money', GOODS: 'Goods', SERVICE: 'Service' },
  publishKinds: { ORIGINAL: 'Original', CORRECTION: 'Correction', UNCHANGED: 'Unchanged' },
  surveyQuestions: { satisfaction: 'Overall satisfaction', timeliness: 'Timeliness', respect: 'Respect and manner' },
};
