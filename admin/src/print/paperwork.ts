import { useQuery } from '@tanstack/react-query';
import { api, ok } from '../providers/api.ts';

/** A case's paperwork (GET /api/cases/:id/paperwork): every number masked; each read is audited. */
const fetchCasePaperwork = (id: string) => ok(api.cases[':id'].paperwork.$get({ param: { id } }));
/** A unit's ledger of a month (GET /api/deliveries): exact subtotals and total; each read is audited. */
const fetchLedger = (filter: { month: string; unitId?: string }) =>
  ok(api.deliveries.$get({ query: { filter: JSON.stringify(filter) } }));

export type CasePaperwork = Awaited<ReturnType<typeof fetchCasePaperwork>>;
export type DeliveryLedger = Awaited<ReturnType<typeof fetchLedger>>;

/** Read once per visit: a printout is of the moment it is opened (and each read is audited). */
const once = { staleTime: Infinity, refetchOnWindowFocus: false, retry: false } as const;

export const useCasePaperwork = (id: string) =>
  useQuery({ queryKey: ['print', 'case', id], queryFn: () => fetchCasePaperwork(id), ...once });

export const useDeliveryLedger = (filter: { month: string; unitId?: string }, enabled = true) =>
  useQuery({ queryKey: ['print', 'ledger', filter], queryFn: () => fetchLedger(filter), enabled, ...once });
