import type { CaseStatus } from '@guanai/workflows/vocabulary';
import type { Task } from '../tasks/types.ts';

export interface CaseEventRow {
  seq: number;
  type: string;
  fromState: string | null;
  toState: string;
  actorName: string | null;
  at: string;
  payload: Record<string, unknown>;
  attachments?: { id: string; filename: string; contentType: string; size: number }[];
}

export interface CaseFlag {
  flag: string;
  reason: string;
  at: string;
}

export interface Case {
  id: string;
  caseNo: string;
  personName: string;
  personIdMasked: string | null;
  state: string;
  status: CaseStatus;
  closureReason: string | null;
  emergency: boolean;
  origin: string;
  owningUnitName: string;
  originUnitName: string;
  situation: string;
  createdAt: string;
  updatedAt: string;
  flags?: CaseFlag[];
  actions?: string[];
  events?: CaseEventRow[];
  tasks?: Task[];
}
