import type { TCaseAction, TOfferedAction } from '@guanai/api/types';
import { CASE_FLAGS, type CaseFlag } from '@guanai/workflows/vocabulary';
import {
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  Stack,
  TextField,
} from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { GuanaiDataProvider } from '../providers/dataProvider.ts';
import { useNotifyProblem } from '../tasks/useTaskActions.ts';
import { ClosureDialog } from './ClosureDialog.tsx';
import type { CaseRecord } from './types.ts';

/** The case-level actions the machine allows this user now (the API lists them), each with its dialog. */
export function CaseActions() {
  const record = useRecordContext<CaseRecord>();
  const translate = useTranslate();
  const dataProvider = useDataProvider<GuanaiDataProvider>();
  const notify = useNotify();
  const notifyProblem = useNotifyProblem();
  const refresh = useRefresh();
  const [open, setOpen] = useState<TOfferedAction | null>(null);
  const [reason, setReason] = useState('');
  const [choice, setChoice] = useState('');
  if (!record?.actions?.length) return null;

  const start = (type: TOfferedAction) => {
    setOpen(type);
    setReason('');
    setChoice('SAFETY_RISK');
  };
  // `choice` holds what the dialog's select offers: a flag for FLAG (closing has its own dialog).
  const body = (type: Exclude<TOfferedAction, 'CLOSE' | 'PROPOSE_CLOSURE'>): TCaseAction => {
    if (type === 'RESUME') return { type };
    if (type === 'FLAG') return { type, flag: choice as CaseFlag, reason };
    return { type, reason };
  };
  const submit = async () => {
    if (!open || open === 'CLOSE' || open === 'PROPOSE_CLOSURE') return;
    try {
      await dataProvider.caseAction(record.id, body(open));
      notify('guanai.caseActions.done', { type: 'success' });
      setOpen(null);
      refresh();
    } catch (error) {
      notifyProblem(error);
    }
  };
  const needsReason = open && !['RESUME', 'CLOSE', 'PROPOSE_CLOSURE'].includes(open);
  const needsClosure = open === 'CLOSE' || open === 'PROPOSE_CLOSURE';
  return (
    <>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
        {record.actions.map((type) => (
          <MuiButton
            key={type}
            size="small"
            variant={type === 'ESCALATE' ? 'contained' : 'outlined'}
            color={type === 'CLOSE' || type === 'MARK_EMERGENCY' ? 'error' : 'primary'}
            onClick={() => start(type)}
          >
            {translate(`guanai.caseActions.${type}`)}
          </MuiButton>
        ))}
      </Stack>
      <Dialog open={open !== null} onClose={() => setOpen(null)} fullWidth maxWidth="sm">
        <DialogTitle>{open ? translate(`guanai.caseActions.${open}`) : ''}</DialogTitle>
        {/* Closing has its own form: the reason and the defined closure form (issue 17). */}
        {needsClosure ? (
          <ClosureDialog caseId={String(record.id)} type={open} onClose={() => setOpen(null)} />
        ) : (
          <>
            <DialogContent>
              <Stack spacing={2} sx={{ pt: 1 }}>
                {open === 'FLAG' && (
                  <TextField
                    select
                    label={translate('guanai.caseActions.flag')}
                    value={choice}
                    onChange={(e) => setChoice(e.target.value)}
                  >
                    {CASE_FLAGS.map((f) => (
                      <MenuItem key={f} value={f}>
                        {translate(`guanai.flags.${f}`)}
                      </MenuItem>
                    ))}
                  </TextField>
                )}
                {needsReason && (
                  <TextField
                    label={translate('guanai.caseActions.reason')}
                    value={reason}
                    onChange={(e) => setReason(e.target.value)}
                    multiline
                    minRows={2}
                    required
                  />
                )}
              </Stack>
            </DialogContent>
            <DialogActions>
              <MuiButton onClick={() => setOpen(null)}>{translate('ra.action.cancel')}</MuiButton>
              <MuiButton variant="contained" onClick={submit} disabled={!!needsReason && !reason.trim()}>
                {translate('ra.action.confirm')}
              </MuiButton>
            </DialogActions>
          </>
        )}
      </Dialog>
    </>
  );
}
