/** Records as the API answers them, for the matching screens' component tests. */
import type { TCaseDetail, TCaseMatching, TMatch, TResource } from '@guanai/api/types';
import type { Check, ProjectRecord } from './types.ts';

const pass = (code: Check['code'], text: string): Check => ({ code, result: 'PASS', params: {}, text });

export const caseInMatching: TCaseDetail = {
  id: 'case-9',
  caseNo: 'GA-2026-000009',
  personName: '黄秀英',
  personIdMasked: '5101**********0025',
  state: 'matching',
  status: 'OPEN',
  closureReason: null,
  emergency: false,
  origin: 'SELF_APPLICATION',
  owningUnitId: 't1',
  owningUnitName: '锦官驿街道',
  originUnitId: 'c1',
  originUnitName: '水井坊社区',
  situation: '重病住院，医疗费用缺口大',
  flags: [],
  version: 3,
  applicationId: null,
  referral: null,
  createdAt: '2026-03-01T00:00:00Z',
  updatedAt: '2026-03-01T00:00:00Z',
  actions: ['ESCALATE', 'SUSPEND', 'FLAG'],
  events: [],
  tasks: [],
};

export const match: TMatch = {
  id: 'm-1',
  status: 'PROPOSED',
  needIndex: 0,
  category: 'MEDICAL',
  severity: 'HIGH',
  needDescription: '住院费用缺口',
  resourceId: 'r-medical',
  resourceName: '大病医疗爱心援助',
  resourceKind: 'CHARITY_PROJECT',
  providerName: '成都市慈善总会',
  places: 0,
  amount: 5000,
  note: '住院押金',
  declineReason: null,
  caseNo: 'GA-2026-000009',
  communityName: '水井坊社区',
  townshipName: '锦官驿街道',
  person: { name: '黄*英', phone: null, address: null },
  deliveries: [],
  createdAt: '2026-03-02T00:00:00Z',
  decidedAt: null,
};

/** The same match as staff see it: the case and the person. */
export const staffMatch: TMatch = {
  ...match,
  caseId: 'case-9',
  caseState: 'matching',
  person: { name: '黄秀英', phone: '13900003001', address: '水井坊街 30 号' },
};

export const matching: TCaseMatching = {
  caseId: 'case-9',
  state: 'matching',
  subject: { age: null, hukou: 'CHENGDU', incomePerHead: 800, tags: ['SERIOUS_ILLNESS'] },
  needs: [
    {
      need: { index: 0, category: 'MEDICAL', severity: 'HIGH', description: '住院费用缺口' },
      candidates: [
        {
          rank: 1,
          tier: 'TOWNSHIP',
          remainingPlaces: 3,
          remainingAmount: null,
          resource: {
            id: 'r-township',
            name: '街道医疗陪护',
            kind: 'VOLUNTEER_SERVICE',
            providerName: '水井坊志愿服务队',
            coverageName: '锦官驿街道',
          },
          checks: [
            pass('STATUS', '已发布'),
            pass('VALIDITY', '在有效期内'),
            pass('CATEGORY', '可解决 MEDICAL 类需求'),
            pass('COVERAGE', '覆盖本乡镇(街道)（锦官驿街道）'),
            {
              code: 'AGE',
              result: 'UNKNOWN',
              params: { min: 60, max: null, actual: null },
              text: '年龄未登记，需核实（要求 60–∞ 岁）',
            },
            pass('PLACES', '剩余名额 3/5'),
          ],
        },
        {
          rank: 2,
          tier: 'CITY',
          remainingPlaces: null,
          remainingAmount: 500000,
          resource: {
            id: 'r-medical',
            name: '大病医疗爱心援助',
            kind: 'CHARITY_PROJECT',
            providerName: '成都市慈善总会',
            coverageName: '成都市',
          },
          checks: [
            pass('STATUS', '已发布'),
            pass('CATEGORY', '可解决 MEDICAL 类需求'),
            pass('COVERAGE', '覆盖全市（成都市）'),
            pass('TAGS', '符合对象类别：SERIOUS_ILLNESS'),
            pass('BUDGET', '剩余资金 ¥500,000'),
          ],
        },
      ],
      excluded: [
        {
          resource: {
            id: 'r-dibao',
            name: '低保户医疗补助',
            kind: 'GOVERNMENT_SCHEME',
            providerName: '锦江区民政局',
            coverageName: '锦江区',
          },
          reasons: [
            {
              code: 'TAGS',
              result: 'FAIL',
              params: { required: 'DIBAO', matched: '' },
              text: '要求对象类别之一：DIBAO',
            },
          ],
        },
      ],
      escalationOffered: false,
      matches: [],
    },
    {
      need: { index: 1, category: 'LEGAL', severity: 'MEDIUM', description: '遗产纠纷' },
      candidates: [],
      excluded: [],
      escalationOffered: true,
      matches: [
        {
          ...staffMatch,
          id: 'm-0',
          needIndex: 1,
          category: 'LEGAL',
          status: 'DECLINED',
          declineReason: '本月名额已满',
          resourceId: 'r-legal',
          resourceName: '法律援助进社区',
          providerName: '锦江区益民社会工作服务中心',
        },
      ],
    },
  ],
};

export const resource: TResource = {
  id: '3f1c9a9e-0000-4000-8000-000000000001',
  kind: 'CHARITY_PROJECT',
  name: '大病医疗爱心援助',
  description: '为重特大疾病患者提供医疗费用缺口援助。',
  providerId: 'p-charity',
  providerName: '成都市慈善总会',
  coverageUnitId: 'city',
  coverageUnitName: '成都市',
  coverageLevel: 'CITY',
  categories: ['MEDICAL'],
  eligibility: { tagsAny: ['SERIOUS_ILLNESS'], hukou: ['CHENGDU'] },
  capacity: null,
  reservedPlaces: 0,
  remainingPlaces: null,
  budget: 500000,
  reservedAmount: 5000,
  remainingAmount: 495000,
  validFrom: '2026-01-01',
  validTo: '2027-12-31',
  status: 'PUBLISHED',
  contractNo: null,
  serviceStandard: null,
  campaignType: null,
  target: null,
  deadline: null,
  beneficiaryCaseId: null,
  beneficiaryCategory: null,
  beneficiaryTownshipId: null,
  beneficiaryTownshipName: null,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};

export const campaign: TResource = {
  ...resource,
  id: '3f1c9a9e-0000-4000-8000-000000000002',
  kind: 'FUNDRAISING',
  name: '助学圆梦公益募捐',
  categories: ['EDUCATION'],
  eligibility: {},
  budget: 1200.5,
  reservedAmount: 0,
  remainingAmount: 1200.5,
  campaignType: 'PUBLIC',
  target: 300000,
  deadline: '2026-12-31',
};

export const project: ProjectRecord = {
  id: 'pr-1',
  title: '困难家庭学生学费资助',
  description: '锦官驿街道一名初中生因家庭变故面临辍学，需要学费与生活费资助。',
  category: 'EDUCATION',
  townshipId: 't1',
  townshipName: '锦官驿街道',
  districtName: '锦江区',
  amount: 6000,
  service: null,
  status: 'PUBLISHED',
  closedReason: null,
  responses: 1,
  publishedAt: '2026-03-03T00:00:00Z',
};
