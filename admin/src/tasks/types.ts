import type { TaskStatus } from '@guanai/workflows/vocabulary';

export interface Task {
  id: string;
  caseId: string;
  caseNo: string;
  kind: string;
  /** What the task asks when its kind alone does not say (a meeting action: "住房和城乡建设局：安排公租房"). */
  title?: string | null;
  status: TaskStatus;
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
