import type { Hukou, Sex } from '@guanai/workflows/vocabulary';

/** A record of the registry of people in hardship (困难群众信息库), as GET /api/people answers. */
export interface Person {
  id: string;
  name: string;
  sex: Sex | null;
  birthDate: string | null;
  phone: string | null;
  address: string | null;
  hukou: Hukou;
  idType: string | null;
  idNumberMasked: string | null;
  communityId: string;
  communityName: string;
  householdId: string | null;
  relation: string | null;
  tags: string[];
  mergedIntoId: string | null;
  openCases: number;
  createdAt: string;
  updatedAt: string;
  household?: { id: string; address: string | null; monthlyIncome: number | null; members: HouseholdMember[] } | null;
  cases?: { id: string; caseNo: string; state: string; status: string; createdAt: string }[];
}

export interface HouseholdMember {
  id: string;
  name: string;
  relation: string | null;
  sex: Sex | null;
  birthDate: string | null;
  idNumberMasked: string | null;
  tags: string[];
}

/** A record the new one may duplicate; outside the caller's jurisdiction: id null and the name masked. */
export interface Duplicate {
  id: string | null;
  name: string;
  idNumberMasked: string | null;
  communityName: string | null;
  match: 'ID_NUMBER' | 'PHONE' | 'NAME_ADDRESS';
}

export interface ImportProblem {
  line: number;
  field: string;
  reason: string;
}

/** A roster upload and its report (POST /api/people/imports, GET /api/people/imports/:id). */
export interface PeopleImport {
  id: string;
  filename: string;
  dryRun: boolean;
  status: 'RUNNING' | 'DONE' | 'FAILED';
  total: number;
  processed: number;
  imported: number;
  skipped: number;
  problems: ImportProblem[];
  createdAt: string;
  finishedAt: string | null;
}
