import { useDataProvider, useListContext } from 'react-admin';
import { ExportMenu } from '../exports/ExportMenu.tsx';
import type { GuanaiDataProvider } from '../providers/dataProvider.ts';
import { apiFilter } from './inbox-tabs.ts';

/**
 * 导出: the list as it is filtered and sorted, as the API's CSV or Excel (only the list's columns, no numbers);
 * the API audits it.
 */
export function ExportTasksButton() {
  const { filterValues, sort } = useListContext();
  const dataProvider = useDataProvider<GuanaiDataProvider>();
  return (
    <ExportMenu
      entries={[
        {
          list: 'tasks',
          route: 'GET /api/tasks/export',
          download: (format) =>
            dataProvider.exportTasks(
              apiFilter(filterValues),
              [sort.field, sort.order === 'DESC' ? 'DESC' : 'ASC'],
              format,
            ),
        },
      ]}
    />
  );
}
