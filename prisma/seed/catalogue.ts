/**
 * A demo catalogue (援助项目库): partner organisations and one published resource of each kind,
 * for the demo system and the browser tests. Eligibility rules are data.
 */
import type { CampaignType, PartnerKind, ResourceKind } from '../generated/client/client.ts';

export const demoPartners: { name: string; kind: PartnerKind; creditCode: string; contact: string }[] = [
  { name: '成都市慈善总会', kind: 'CHARITY', creditCode: '51510100MJ0000001A', contact: '项目部' },
  { name: '锦江区民政局', kind: 'GOVERNMENT_DEPARTMENT', creditCode: '11510104MB0000002B', contact: '社会救助科' },
  {
    name: '锦江区益民社会工作服务中心',
    kind: 'SOCIAL_WORK_AGENCY',
    creditCode: '52510104MJ0000003C',
    contact: '个案部',
  },
  { name: '水井坊志愿服务队', kind: 'VOLUNTEER_TEAM', creditCode: '53510104MJ0000004D', contact: '队长' },
];

export interface DemoResource {
  kind: ResourceKind;
  name: string;
  description: string;
  provider: string;
  coverageCode: string;
  categories: string[];
  eligibility: {
    hukou?: string[];
    minAge?: number;
    maxAge?: number;
    maxIncomePerHead?: number;
    disability?: boolean;
    tagsAny?: string[];
  };
  capacity?: number;
  budget?: number;
  contractNo?: string;
  serviceStandard?: string;
  campaignType?: CampaignType;
  target?: number;
  deadline?: string;
}

export const demoResources: DemoResource[] = [
  {
    kind: 'GOVERNMENT_SCHEME',
    name: '锦江区临时救助',
    description: '对因急难事项导致基本生活暂时困难的家庭给予临时救助。',
    provider: '锦江区民政局',
    coverageCode: '510104000000',
    categories: ['BASIC_LIVING', 'EMERGENCY'],
    eligibility: { hukou: ['CHENGDU'], maxIncomePerHead: 1100 },
    budget: 200000,
  },
  {
    kind: 'CHARITY_PROJECT',
    name: '大病医疗爱心援助',
    description: '为重特大疾病患者提供医疗费用缺口援助。',
    provider: '成都市慈善总会',
    coverageCode: '510100000000',
    categories: ['MEDICAL'],
    eligibility: { tagsAny: ['SERIOUS_ILLNESS'] },
    budget: 500000,
  },
  {
    kind: 'VOLUNTEER_SERVICE',
    name: '独居老人上门探访',
    description: '志愿者每周上门探访，陪伴、代购、安全检查。',
    provider: '水井坊志愿服务队',
    coverageCode: '510104017000',
    categories: ['CARE', 'PSYCHOLOGICAL'],
    eligibility: { minAge: 60 },
    capacity: 20,
  },
  {
    kind: 'PURCHASED_SERVICE',
    name: '困境儿童社工个案服务',
    description: '政府购买社工服务：困境儿童个案管理、学业辅导与心理支持。',
    provider: '锦江区益民社会工作服务中心',
    coverageCode: '510104000000',
    categories: ['EDUCATION', 'PSYCHOLOGICAL'],
    eligibility: { maxAge: 17 },
    capacity: 30,
    contractNo: 'JJMZ-GM-2026-017',
    serviceStandard: '每名服务对象每月面访不少于2次，建立个案档案，季度评估。',
  },
  {
    kind: 'FUNDRAISING',
    name: '助学圆梦公益募捐',
    description: '面向社会公开募捐，资助困难家庭学生完成学业。',
    provider: '成都市慈善总会',
    coverageCode: '510100000000',
    categories: ['EDUCATION'],
    eligibility: {},
    budget: 0,
    campaignType: 'PUBLIC',
    target: 300000,
    deadline: '2026-12-31',
  },
];
