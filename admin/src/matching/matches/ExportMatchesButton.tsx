import { useDataProvider, useListContext } from 'react-admin';
import { beijingMonth, ExportMenu } from '../../exports/ExportMenu.tsx';
import type { GuanaiDataProvider } from '../../providers/dataProvider.ts';

/**
 * 导出: the match list as it is filtered, and the monthly aid ledger (救助台账: every delivery of this or last
 * month on the matches the filter keeps), each as CSV or Excel; the API masks and audits them.
 */
export function ExportMatchesButton() {
  const { filterValues } = useListContext();
  const dataProvider = useDataProvider<GuanaiDataProvider>();
  const ledger = (offset: number) => (format: 'csv' | 'xlsx') =>
    dataProvider.exportDeliveries({ ...filterValues, month: beijingMonth(offset) }, format);
  return (
    <ExportMenu
      entries={[
        {
          list: 'matches',
          route: 'GET /api/matches/export',
          download: (format) => dataProvider.exportMatches(filterValues, format),
        },
        { list: 'ledgerThisMonth', route: 'GET /api/deliveries/export', download: ledger(0) },
        { list: 'ledgerLastMonth', route: 'GET /api/deliveries/export', download: ledger(-1) },
      ]}
    />
  );
}
