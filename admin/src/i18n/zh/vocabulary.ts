import type {
  DeliveryKind,
  DiscovererKind,
  NeedCategory,
  ResourceKind,
  SnapshotKind,
  SurveyQuestion,
} from '@guanai/workflows/vocabulary';
import type { Labels } from '../messages.ts';

/**
 * The labels of the vocabularies of @guanai/workflows/vocabulary that more than one feature shows, or that the public
 * pages show as well as the admin, keyed by code: the features (cases, matching, evaluation) and public.ts take them
 * from here. Each is typed by its vocabulary, so a code without a label (or a label for a code that is gone) fails tsc;
 * en/vocabulary.ts mirrors these keys.
 */
export const vocabulary = {
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
  } satisfies Labels<NeedCategory>,
  resourceKinds: {
    GOVERNMENT_SCHEME: '政府救助',
    CHARITY_PROJECT: '慈善项目',
    VOLUNTEER_SERVICE: '志愿服务',
    PURCHASED_SERVICE: '政府购买服务',
    FUNDRAISING: '募捐',
  } satisfies Labels<ResourceKind>,
  deliveryKinds: { MONEY: '资金', GOODS: '物资', SERVICE: '服务' } satisfies Labels<DeliveryKind>,
  /** A snapshot's kind, and UNCHANGED: what publishing a month that did not change did. */
  publishKinds: { ORIGINAL: '首次发布', CORRECTION: '更正', UNCHANGED: '无变化' } satisfies Labels<
    SnapshotKind | 'UNCHANGED'
  >,
  surveyQuestions: {
    satisfaction: '总体满意度',
    timeliness: '及时性',
    respect: '尊重与态度',
  } satisfies Labels<SurveyQuestion>,
  /** §四(一) 主动发现: who found the person (the case form, the case page, the phone's outreach report). */
  discovererKinds: {
    GRID_WORKER: '网格员',
    BUILDING_LEADER: '楼栋长',
    VOLUNTEER: '志愿者',
    SOCIAL_WORKER: '社工',
    COMMUNITY_WORKER: '社区工作者',
  } satisfies Labels<DiscovererKind>,
};
