import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import UndoIcon from '@mui/icons-material/Undo';
import { Button, Stack } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { GuanaiDataProvider } from '../../providers/dataProvider.ts';
import { useCan } from '../../providers/useCan.ts';
import { useNotifyProblem } from '../../tasks/useTaskActions.ts';
import { ReasonDialog } from '../ReasonDialog.tsx';
import type { Match } from '../types.ts';

/** 接受 / 拒绝 (the resource's partner): accepting reveals the person; declining, with a reason, gives the hold back. */
export function AcceptDeclineButtons() {
  const match = useRecordContext<Match>();
  const can = useCan();
  const translate = useTranslate();
  const dataProvider = useDataProvider<GuanaiDataProvider>();
  const notify = useNotify();
  const notifyProblem = useNotifyProblem();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  const [declining, setDeclining] = useState(false);
  if (!match || match.status !== 'PROPOSED' || !can('POST /api/matches/:id/accept')) return null;
  const accept = async () => {
    setBusy(true);
    try {
      await dataProvider.acceptMatch(match.id);
      notify('guanai.matching.portal.accepted', { type: 'success' });
      refresh();
    } catch (error) {
      notifyProblem(error);
    } finally {
      setBusy(false);
    }
  };
  const decline = async (reason: string) => {
    try {
      await dataProvider.declineMatch(match.id, reason);
      notify('guanai.matching.portal.declined', { type: 'success' });
      setDeclining(false);
      refresh();
      return true;
    } catch (error) {
      notifyProblem(error);
      return false;
    }
  };
  // Big, worded buttons: partners decide on a phone.
  return (
    <Stack direction="row" spacing={2}>
      <Button variant="contained" color="success" size="large" startIcon={<CheckIcon />} onClick={accept} disabled={busy} sx={{ flex: { xs: 1, sm: 'none' } }}>
        {translate('guanai.matching.portal.accept')}
      </Button>
      {can('POST /api/matches/:id/decline') && (
        <Button variant="outlined" color="error" size="large" startIcon={<CloseIcon />} onClick={() => setDeclining(true)} disabled={busy} sx={{ flex: { xs: 1, sm: 'none' } }}>
          {translate('guanai.matching.portal.decline')}
        </Button>
      )}
      <ReasonDialog open={declining} title={translate('guanai.matching.portal.declineTitle')} label={translate('guanai.matching.portal.declineReason')} onClose={() => setDeclining(false)} onConfirm={decline} />
    </Stack>
  );
}

/** 撤回 (the owning center's caseworkers and supervisors): a live match nothing was delivered on. */
/** Whether 撤回 applies: a live match nothing was delivered on, for the owning center's matchers. */
export const mayCancel = (match: Match, can: (key: string) => boolean) =>
  (match.status === 'PROPOSED' || match.status === 'ACCEPTED') && match.deliveries.length === 0 && can('POST /api/matches/:id/cancel');

export function CancelMatchButton({ match, onDone }: { match: Match; onDone?: () => void }) {
  const can = useCan();
  const translate = useTranslate();
  const dataProvider = useDataProvider<GuanaiDataProvider>();
  const notify = useNotify();
  const notifyProblem = useNotifyProblem();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  if (!mayCancel(match, can)) return null;
  const cancel = async (reason: string) => {
    try {
      await dataProvider.cancelMatch(match.id, reason);
      notify('guanai.matching.panel.cancelled', { type: 'success' });
      setOpen(false);
      onDone?.();
      refresh();
      return true;
    } catch (error) {
      notifyProblem(error);
      return false;
    }
  };
  return (
    <>
      <Button onClick={() => setOpen(true)} size="small" color="warning" startIcon={<UndoIcon />}>
        {translate('guanai.matching.panel.cancel')}
      </Button>
      <ReasonDialog open={open} title={translate('guanai.matching.panel.cancelTitle')} label={translate('guanai.matching.panel.cancelReason')} onClose={() => setOpen(false)} onConfirm={cancel} />
    </>
  );
}
