import DownloadIcon from '@mui/icons-material/Download';
import { useState } from 'react';
import { Button, useDataProvider, useListContext, useNotify } from 'react-admin';
import { saveBlob } from '../people/ExportButton.tsx';
import type { GuanaiDataProvider } from '../providers/dataProvider.ts';
import { useCan } from '../providers/useCan.ts';
import { apiFilter } from './inbox-tabs.ts';
import { useNotifyProblem } from './useTaskActions.ts';

/** 导出: the list as it is filtered and sorted, as the API's CSV (only the list's columns, no numbers); the API audits it. */
export function ExportTasksButton() {
  const can = useCan();
  const { filterValues, sort } = useListContext();
  const dataProvider = useDataProvider<GuanaiDataProvider>();
  const notify = useNotify();
  const notifyProblem = useNotifyProblem();
  const [busy, setBusy] = useState(false);
  if (!can('GET /api/tasks/export')) return null;
  const download = async () => {
    setBusy(true);
    try {
      const { data } = await dataProvider.exportTasks(apiFilter(filterValues), [
        sort.field,
        sort.order === 'DESC' ? 'DESC' : 'ASC',
      ]);
      saveBlob(data.blob, data.filename);
      notify('guanai.inbox.export.done', { type: 'success' });
    } catch (error) {
      notifyProblem(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button label="guanai.inbox.export.button" onClick={() => void download()} disabled={busy}>
      <DownloadIcon />
    </Button>
  );
}
