import DownloadIcon from '@mui/icons-material/Download';
import { useState } from 'react';
import { Button, useDataProvider, useListContext, useNotify } from 'react-admin';
import type { GuanaiDataProvider } from '../providers/dataProvider.ts';
import { useCan } from '../providers/useCan.ts';
import { useNotifyProblem } from '../tasks/useTaskActions.ts';

/** Saves a blob as a file, the way a link with `download` does. */
export function saveBlob(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** 导出: the people the list shows (same filter), as the API's CSV with masked numbers; the API audits it. */
export function ExportButton() {
  const can = useCan();
  const { filterValues } = useListContext();
  const dataProvider = useDataProvider<GuanaiDataProvider>();
  const notify = useNotify();
  const notifyProblem = useNotifyProblem();
  const [busy, setBusy] = useState(false);
  if (!can('GET /api/people/export')) return null;
  const download = async () => {
    setBusy(true);
    try {
      const { data } = await dataProvider.exportPeople(filterValues);
      saveBlob(data.blob, data.filename);
      notify('guanai.people.exported', { type: 'success' });
    } catch (error) {
      notifyProblem(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button label="guanai.people.export" onClick={download} disabled={busy}>
      <DownloadIcon />
    </Button>
  );
}
