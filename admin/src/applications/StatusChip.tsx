import { Chip } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { ApplicationStatus } from './types.ts';

const COLORS: Record<ApplicationStatus, 'warning' | 'success' | 'default'> = {
  SUBMITTED: 'warning',
  ACCEPTED: 'success',
  DECLINED: 'default',
};

/** 待核实 / 已受理 / 不予受理. */
export function ApplicationStatusChip({ status }: { status: ApplicationStatus }) {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      color={COLORS[status]}
      variant={status === 'DECLINED' ? 'outlined' : 'filled'}
      label={translate(`guanai.applications.statuses.${status}`, { _: status })}
    />
  );
}
