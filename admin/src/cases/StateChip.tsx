import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { TCase } from '@guanai/api/types';

export function StateChip() {
  const record = useRecordContext<TCase>();
  const translate = useTranslate();
  if (!record) return null;
  const closed = record.status === 'CLOSED';
  const label = translate(`guanai.states.${record.state}`, { _: record.state });
  const reason =
    closed && record.closureReason
      ? ` · ${translate(`guanai.closure.${record.closureReason}`, { _: record.closureReason })}`
      : '';
  return (
    <span style={{ display: 'inline-flex', gap: 6 }}>
      <Chip size="small" color={closed ? 'default' : 'primary'} label={label + reason} />
      {record.emergency && <Chip size="small" color="error" label={translate('resources.cases.fields.emergency')} />}
      {record.flags?.map((f) => (
        <Chip
          key={f.flag}
          size="small"
          color="warning"
          variant="outlined"
          label={translate(`guanai.flags.${f.flag}`, { _: f.flag })}
          title={f.reason}
        />
      ))}
    </span>
  );
}
