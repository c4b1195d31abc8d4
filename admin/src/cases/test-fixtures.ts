import type { TCaseDetail, TCaseEvent } from '@guanai/api/types';
import { screenTask } from '../test/server.ts';

/** A case in screening, as GET /api/cases/:id answers it, with the events (and anything else) a test gives. */
export const caseInScreening = (events: TCaseEvent[] = [], overrides: Partial<TCaseDetail> = {}): TCaseDetail => ({
  id: 'case-8',
  caseNo: 'GA-2026-000008',
  personName: '陈大爷',
  personIdMasked: null,
  state: 'screening',
  status: 'OPEN',
  closureReason: null,
  emergency: false,
  origin: 'OUTREACH',
  owningUnitId: 't1',
  owningUnitName: '锦官驿街道',
  originUnitId: 'c1',
  originUnitName: '水井坊社区',
  situation: '楼道里独居，多日未出门',
  flags: [],
  version: events.length,
  applicationId: null,
  referral: null,
  createdAt: '2026-03-01T00:00:00Z',
  updatedAt: '2026-03-01T05:30:00Z',
  actions: [],
  events,
  tasks: [{ ...screenTask, caseId: 'case-8', id: 'case-8:2' }],
  ...overrides,
});
