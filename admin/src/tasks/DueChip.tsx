import type { TTask } from '@guanai/api/types';
import { Chip } from '@mui/material';
import { DateField, useRecordContext, useTranslate } from 'react-admin';

const DAY = 24 * 3_600_000;

/** Due time, red when overdue and amber within a day. */
export function DueChip() {
  const task = useRecordContext<TTask>();
  const translate = useTranslate();
  if (!task) return null;
  // Read at each render on purpose: a list refresh re-renders the chip with the time of the refresh.
  // eslint-disable-next-line react-hooks/purity
  const left = Date.parse(task.dueAt) - Date.now();
  const open = task.status === 'OPEN';
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6, flexWrap: 'wrap' }}>
      <DateField
        source="dueAt"
        showTime
        options={{ month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }}
      />
      {open && left < 0 && <Chip size="small" color="error" label={translate('guanai.inbox.overdue')} />}
      {open && left >= 0 && left < DAY && (
        <Chip size="small" color="warning" label={translate('guanai.inbox.dueSoon')} />
      )}
    </span>
  );
}
