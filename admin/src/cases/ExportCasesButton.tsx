import { useDataProvider, useListContext } from 'react-admin';
import { ExportMenu } from '../exports/ExportMenu.tsx';
import type { GuanaiDataProvider } from '../providers/dataProvider.ts';

/** 导出: the case list as it is filtered and sorted, as CSV or Excel (numbers and phones masked by the API; audited). */
export function ExportCasesButton() {
  const { filterValues, sort } = useListContext();
  const dataProvider = useDataProvider<GuanaiDataProvider>();
  return (
    <ExportMenu
      entries={[
        {
          list: 'cases',
          route: 'GET /api/cases/export',
          download: (format) =>
            dataProvider.exportCases(filterValues, [sort.field, sort.order === 'DESC' ? 'DESC' : 'ASC'], format),
        },
      ]}
    />
  );
}
