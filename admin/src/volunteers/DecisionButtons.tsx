import BlockIcon from '@mui/icons-material/Block';
import CheckIcon from '@mui/icons-material/Check';
import { Alert, Button, Stack } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { ReasonDialog } from '../matching/ReasonDialog.tsx';
import { useCan } from '../providers/useCan.ts';
import { useAction } from '../tasks/useTaskActions.ts';
import { volunteerApi } from './api.ts';
import type { Volunteer } from './types.ts';

/**
 * 通过 / 谢绝 a self-registered volunteer (PENDING): the team's partner, or for no team a station of a community served.
 * Approving activates their sign-in; declining needs a reason the volunteer reads.
 */
export function DecisionButtons({ volunteer }: { volunteer: Volunteer }) {
  const translate = useTranslate();
  const can = useCan();
  const queryClient = useQueryClient();
  const { busy, run } = useAction();
  const [declining, setDeclining] = useState(false);
  if (volunteer.status !== 'PENDING' || !can('POST /api/volunteers/:id/approve')) return null;
  const done = () => void queryClient.invalidateQueries({ queryKey: ['volunteers'] });
  return (
    <Stack spacing={1}>
      <Alert severity="info">{translate('guanai.volunteers.pendingHint')}</Alert>
      <Stack direction="row" spacing={1}>
        <Button
          variant="contained"
          startIcon={<CheckIcon />}
          disabled={busy}
          onClick={async () => {
            if (await run(() => volunteerApi.approve(volunteer.id), 'guanai.volunteers.approved')) done();
          }}
        >
          {translate('guanai.volunteers.approve')}
        </Button>
        <Button
          variant="outlined"
          color="error"
          startIcon={<BlockIcon />}
          disabled={busy}
          onClick={() => setDeclining(true)}
        >
          {translate('guanai.volunteers.decline')}
        </Button>
      </Stack>
      <ReasonDialog
        open={declining}
        title={translate('guanai.volunteers.declineTitle')}
        label={translate('guanai.volunteers.declineReason')}
        confirmLabel="guanai.volunteers.decline"
        onClose={() => setDeclining(false)}
        onConfirm={async (reason) => {
          const ok = await run(() => volunteerApi.decline(volunteer.id, reason), 'guanai.volunteers.declined');
          if (ok) {
            setDeclining(false);
            done();
          }
          return ok;
        }}
      />
    </Stack>
  );
}
