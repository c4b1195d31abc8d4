import DownloadIcon from '@mui/icons-material/Download';
import { Menu, MenuItem } from '@mui/material';
import { useId, useState } from 'react';
import { Button, useNotify, useTranslate } from 'react-admin';
import { saveBlob } from '../people/ExportButton.tsx';
import type { ExportFormat } from '../providers/dataProvider.ts';
import { useCan } from '../providers/useCan.ts';
import { useNotifyProblem } from '../tasks/useTaskActions.ts';

const FORMATS: ExportFormat[] = ['csv', 'xlsx'];

/** One list the menu exports: its name, the route the access policy allows it by, and its download. */
export interface ExportEntry {
  /** Its name, a key of guanai.exports.lists. */
  list: 'cases' | 'tasks' | 'matches' | 'ledgerThisMonth' | 'ledgerLastMonth';
  /** The policy key of its export route ("GET /api/cases/export"): hidden from roles that may not call it. */
  route: string;
  download: (format: ExportFormat) => Promise<{ data: { blob: Blob; filename: string } }>;
}

/**
 * 导出: a menu of the list's exports, each as CSV or Excel, with the filters the list has applied. The API masks
 * identity numbers and phones, caps the rows (a 422 asking for a narrower filter, shown as its reason) and
 * audits every export.
 */
export function ExportMenu({ entries }: { entries: ExportEntry[] }) {
  const can = useCan();
  const translate = useTranslate();
  const notify = useNotify();
  const notifyProblem = useNotifyProblem();
  const menuId = useId();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [busy, setBusy] = useState(false);
  const allowed = entries.filter((entry) => can(entry.route));
  if (!allowed.length) return null;
  const run = async (entry: ExportEntry, format: ExportFormat) => {
    setAnchor(null);
    setBusy(true);
    try {
      const { data } = await entry.download(format);
      saveBlob(data.blob, data.filename);
      notify('guanai.exports.done', { type: 'success' });
    } catch (error) {
      notifyProblem(error);
    } finally {
      setBusy(false);
    }
  };
  const label = (entry: ExportEntry, format: ExportFormat) =>
    allowed.length > 1
      ? translate('guanai.exports.item', {
          list: translate(`guanai.exports.lists.${entry.list}`),
          format: translate(`guanai.exports.${format}`),
        })
      : translate(`guanai.exports.${format}`);
  return (
    <>
      <Button
        label="guanai.exports.button"
        onClick={(event) => setAnchor(event.currentTarget)}
        disabled={busy}
        aria-haspopup="menu"
        aria-controls={anchor ? menuId : undefined}
      >
        <DownloadIcon />
      </Button>
      <Menu id={menuId} anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {allowed.flatMap((entry) =>
          FORMATS.map((format) => (
            <MenuItem key={`${entry.list}-${format}`} onClick={() => void run(entry, format)}>
              {label(entry, format)}
            </MenuItem>
          )),
        )}
      </Menu>
    </>
  );
}

/** A month of the Beijing calendar, `YYYY-MM`: this month (0) or one before it (-1). */
export function beijingMonth(offset: number, now = Date.now()): string {
  const beijing = new Date(now + 8 * 3_600_000);
  return new Date(Date.UTC(beijing.getUTCFullYear(), beijing.getUTCMonth() + offset, 1)).toISOString().slice(0, 7);
}
