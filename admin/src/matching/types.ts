/** The records of the resources, matching, delivery and publishing API (docs/matching-api.md). */

import type {
  CampaignType,
  DeliveryKind,
  Hukou,
  MatchStatus,
  ProjectStatus,
  ResourceKind,
  ResourceStatus,
} from '@guanai/workflows/vocabulary';

export type { MatchStatus, ProjectStatus, ResourceKind, ResourceStatus };
export type Tier = 'TOWNSHIP' | 'DISTRICT' | 'CITY';

/** Eligibility rules of a resource, as data; an empty object admits everyone. */
export interface Eligibility {
  hukou?: Hukou[];
  minAge?: number;
  maxAge?: number;
  /** Yuan per person per month, from the household's monthly income. */
  maxIncomePerHead?: number;
  disability?: boolean;
  tagsAny?: string[];
}

/** A resource of the catalogue (援助项目库). Named so as not to clash with react-admin's <Resource>. */
export interface AidResource {
  id: string;
  kind: ResourceKind;
  name: string;
  description: string | null;
  providerId: string;
  providerName: string;
  coverageUnitId: string;
  coverageUnitName: string;
  coverageLevel: string;
  categories: string[];
  eligibility: Eligibility;
  capacity: number | null;
  reservedPlaces: number;
  remainingPlaces: number | null;
  budget: number | null;
  reservedAmount: number;
  remainingAmount: number | null;
  validFrom: string | null;
  validTo: string | null;
  status: ResourceStatus;
  contractNo: string | null;
  serviceStandard: string | null;
  campaignType: CampaignType | null;
  target: number | null;
  deadline: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Partner {
  id: string;
  name: string;
  kind: string;
  creditCode: string | null;
  contact: string | null;
  phone: string | null;
  active: boolean;
  createdAt: string;
}

export interface Donation {
  id: string;
  donorName: string;
  amount: number;
  receivedOn: string;
  channel: string | null;
  createdAt: string;
}

/** One reason a resource is (or is not) a candidate: `text` in Chinese, `params` its figures. */
export interface Check {
  code: string;
  result: 'PASS' | 'FAIL' | 'UNKNOWN';
  params: Record<string, string | number | null>;
  text: string;
}

export interface ResourceRef {
  id: string;
  name: string;
  kind: ResourceKind;
  providerName: string;
  coverageName: string;
}

export interface Candidate {
  rank: number;
  tier: Tier;
  remainingPlaces: number | null;
  remainingAmount: number | null;
  checks: Check[];
  resource: ResourceRef;
}

export interface Need {
  index: number;
  category: string;
  severity: string;
  description?: string | null;
}

export interface Delivery {
  id: string;
  kind: DeliveryKind;
  description: string;
  amount: number | null;
  quantity: number | null;
  hours: number | null;
  deliveredOn: string;
  evidence: string[];
}

/** A match: a partner sees the person masked (no phone, no address) until it has accepted, and never the case. */
export interface Match {
  id: string;
  status: MatchStatus;
  needIndex: number;
  category: string;
  severity: string | null;
  needDescription: string | null;
  resourceId: string;
  resourceName: string;
  resourceKind: ResourceKind;
  providerName: string;
  places: number;
  amount: number;
  note: string | null;
  declineReason: string | null;
  caseNo: string;
  caseId?: string;
  caseState?: string;
  communityName: string;
  townshipName: string | null;
  person: { name: string; phone: string | null; address: string | null };
  deliveries: Delivery[];
  createdAt: string;
  decidedAt: string | null;
}

export interface NeedMatching {
  need: Need;
  candidates: Candidate[];
  excluded: { resource: ResourceRef; reasons: Check[] }[];
  escalationOffered: boolean;
  matches: Match[];
}

/** GET /api/cases/:id/matching */
export interface CaseMatching {
  caseId: string;
  state: string;
  subject: { age: number | null; hukou: string; incomePerHead: number | null; tags: string[] };
  needs: NeedMatching[];
}

export interface ProjectResponse {
  id: string;
  partnerName: string;
  message: string;
  amount: number | null;
  resourceId: string | null;
  createdAt: string;
}

/** A need published on the platform: no person, no community, no case (staff also get caseId and needIndex). */
export interface Project {
  id: string;
  title: string;
  description: string;
  category: string;
  townshipId: string;
  townshipName: string;
  districtName: string | null;
  amount: number | null;
  service: string | null;
  status: ProjectStatus;
  responses: number;
  publishedAt: string;
  caseId?: string;
  needIndex?: number;
  responseList?: ProjectResponse[];
}

export interface EvidenceFile {
  id: string;
  filename: string;
  contentType: string;
  size: number;
}
