import type { TMatch } from '@guanai/api/types';
import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import UndoIcon from '@mui/icons-material/Undo';
import { Button, Stack } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useRecordContext, useTranslate } from 'react-admin';
import type { GuanaiDataProvider } from '../../providers/dataProvider.ts';
import { useCan } from '../../providers/useCan.ts';
import { useAction } from '../../tasks/useTaskActions.ts';
import { ReasonDialog } from '../ReasonDialog.tsx';

/** 接受 / 拒绝 (the resource's partner): accepting reveals the person; declining, with a reason, gives the hold back. */
export function AcceptDeclineButtons() {
  const match = useRecordContext<TMatch>();
  const can = useCan();
  const translate = useTranslate();
  const dataProvider = useDataProvider<GuanaiDataProvider>();
  const { busy, run } = useAction();
  const [declining, setDeclining] = useState(false);
  if (!match || match.status !== 'PROPOSED' || !can('POST /api/matches/:id/accept')) return null;
  const accept = () => run(() => dataProvider.acceptMatch(match.id), 'guanai.matching.portal.accepted');
  const decline = async (reason: string) => {
    const declined = await run(() => dataProvider.declineMatch(match.id, reason), 'guanai.matching.portal.declined');
    if (declined) setDeclining(false);
    return declined;
  };
  // Big, worded buttons: partners decide on a phone.
  return (
    <Stack direction="row" spacing={2}>
      <Button
        variant="contained"
        color="success"
        size="large"
        startIcon={<CheckIcon />}
        onClick={accept}
        disabled={busy}
        sx={{ flex: { xs: 1, sm: 'none' } }}
      >
        {translate('guanai.matching.portal.accept')}
      </Button>
      {can('POST /api/matches/:id/decline') && (
        <Button
          variant="outlined"
          color="error"
          size="large"
          startIcon={<CloseIcon />}
          onClick={() => setDeclining(true)}
          disabled={busy}
          sx={{ flex: { xs: 1, sm: 'none' } }}
        >
          {translate('guanai.matching.portal.decline')}
        </Button>
      )}
      <ReasonDialog
        open={declining}
        title={translate('guanai.matching.portal.declineTitle')}
        label={translate('guanai.matching.portal.declineReason')}
        onClose={() => setDeclining(false)}
        onConfirm={decline}
      />
    </Stack>
  );
}

/** 撤回 (the owning center's caseworkers and supervisors): a live match nothing was delivered on. */
/** Whether 撤回 applies: a live match nothing was delivered on, for the owning center's matchers. */
export const mayCancel = (match: TMatch, can: (key: string) => boolean) =>
  (match.status === 'PROPOSED' || match.status === 'ACCEPTED') &&
  match.deliveries.length === 0 &&
  can('POST /api/matches/:id/cancel');

export function CancelMatchButton({ match, onDone }: { match: TMatch; onDone?: () => void }) {
  const can = useCan();
  const translate = useTranslate();
  const dataProvider = useDataProvider<GuanaiDataProvider>();
  const { run } = useAction();
  const [open, setOpen] = useState(false);
  if (!mayCancel(match, can)) return null;
  const cancel = async (reason: string) => {
    const cancelled = await run(() => dataProvider.cancelMatch(match.id, reason), 'guanai.matching.panel.cancelled');
    if (cancelled) {
      setOpen(false);
      onDone?.();
    }
    return cancelled;
  };
  return (
    <>
      <Button onClick={() => setOpen(true)} size="small" color="warning" startIcon={<UndoIcon />}>
        {translate('guanai.matching.panel.cancel')}
      </Button>
      <ReasonDialog
        open={open}
        title={translate('guanai.matching.panel.cancelTitle')}
        label={translate('guanai.matching.panel.cancelReason')}
        onClose={() => setOpen(false)}
        onConfirm={cancel}
      />
    </>
  );
}
