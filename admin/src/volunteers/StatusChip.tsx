import { Chip } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { VolunteerStatus } from './types.ts';

const COLORS = { PENDING: 'warning', ACTIVE: 'success', DECLINED: 'default', SUSPENDED: 'default' } as const;

export function VolunteerStatusChip({ status }: { status: VolunteerStatus }) {
  const translate = useTranslate();
  return <Chip size="small" color={COLORS[status]} label={translate(`guanai.volunteers.statuses.${status}`)} />;
}
