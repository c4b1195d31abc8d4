export interface Task {
  id: string;
  caseId: string;
  caseNo: string;
  kind: string;
  status: 'OPEN' | 'DONE' | 'CANCELLED';
  unitId: string;
  unitName: string;
  assigneeId: string | null;
  assigneeName: string | null;
  dueAt: string;
  createdAt: string;
  completedAt: string | null;
  caseState: string;
  personName: string;
  emergency: boolean;
  breachedAt?: string | null;
  flags?: { flag: string; reason: string }[];
}
