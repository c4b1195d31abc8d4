import VisibilityIcon from '@mui/icons-material/Visibility';
import {
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { Button, useDataProvider, useRecordContext, useTranslate } from 'react-admin';
import type { GuanaiDataProvider } from '../providers/dataProvider.ts';
import { useCan } from '../providers/useCan.ts';
import { useNotifyProblem } from '../tasks/useTaskActions.ts';
import type { PersonRecord } from './types.ts';

/** 查看完整证件号: asks why (every view is audited with who and why), then shows the number in the dialog only. */
export function RevealIdButton() {
  const person = useRecordContext<PersonRecord>();
  const can = useCan();
  const translate = useTranslate();
  const dataProvider = useDataProvider<GuanaiDataProvider>();
  const notifyProblem = useNotifyProblem();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [number, setNumber] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!person?.idNumberMasked || !can('GET /api/people/:id/id-number')) return null;
  const close = () => {
    setOpen(false);
    setNumber(null);
    setReason('');
  };
  const reveal = async () => {
    setBusy(true);
    try {
      setNumber((await dataProvider.revealIdNumber(person.id, reason.trim())).data.idNumber);
    } catch (error) {
      notifyProblem(error);
    } finally {
      setBusy(false);
    }
  };
  const tooShort = reason.trim().length < 4;
  return (
    <>
      <Button label="guanai.people.revealId" onClick={() => setOpen(true)} size="small">
        <VisibilityIcon />
      </Button>
      <Dialog open={open} onClose={close} fullWidth maxWidth="xs">
        <DialogTitle>{translate('guanai.people.revealTitle')}</DialogTitle>
        <DialogContent>
          {number === null ? (
            <TextField
              label={translate('guanai.people.revealReason')}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              helperText={translate('guanai.people.reasonRule')}
              multiline
              minRows={2}
              fullWidth
              autoFocus
              sx={{ mt: 1 }}
            />
          ) : (
            <Typography
              aria-label={translate('guanai.people.revealTitle')}
              sx={{
                fontFamily: 'monospace',
                fontSize: '1.4rem',
                letterSpacing: 1,
                textAlign: 'center',
                py: 2,
                userSelect: 'all',
              }}
            >
              {number}
            </Typography>
          )}
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={close}>{translate(number === null ? 'ra.action.cancel' : 'ra.action.close')}</MuiButton>
          {number === null && (
            <MuiButton variant="contained" onClick={reveal} disabled={tooShort || busy}>
              {translate('ra.action.confirm')}
            </MuiButton>
          )}
        </DialogActions>
      </Dialog>
    </>
  );
}
