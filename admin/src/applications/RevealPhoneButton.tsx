import PhoneIcon from '@mui/icons-material/Phone';
import VisibilityIcon from '@mui/icons-material/Visibility';
import {
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useTranslate } from 'react-admin';
import type { GuanaiDataProvider } from '../providers/dataProvider.ts';
import { useCan } from '../providers/useCan.ts';
import { useNotifyProblem } from '../tasks/useTaskActions.ts';
import { revealedPhones, type ApplicationRecord } from './types.ts';

/**
 * 显示完整电话: asks why (every view is audited with who and why), then shows the number with a button that calls it.
 * `onRevealed` hands the number on (the accept form puts it into the person's phone).
 */
export function RevealPhoneButton({
  application,
  onRevealed,
}: {
  application: ApplicationRecord;
  onRevealed?: (phone: string) => void;
}) {
  const can = useCan();
  const translate = useTranslate();
  const dataProvider = useDataProvider<GuanaiDataProvider>();
  const notifyProblem = useNotifyProblem();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [phone, setPhone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!can('GET /api/applications/:id/phone')) return null;
  const close = () => {
    setOpen(false);
    setPhone(null);
    setReason('');
  };
  const reveal = async () => {
    setBusy(true);
    try {
      const full = (await dataProvider.revealApplicantPhone(application.id, reason.trim())).data.phone;
      revealedPhones.set(application.id, full);
      setPhone(full);
      onRevealed?.(full);
    } catch (error) {
      notifyProblem(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <MuiButton onClick={() => setOpen(true)} size="small" startIcon={<VisibilityIcon />}>
        {translate('guanai.applications.revealPhone')}
      </MuiButton>
      <Dialog open={open} onClose={close} fullWidth maxWidth="xs">
        <DialogTitle>{translate('guanai.applications.revealTitle')}</DialogTitle>
        <DialogContent>
          {phone === null ? (
            <TextField
              label={translate('guanai.applications.revealReason')}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              helperText={translate('guanai.applications.reasonRule')}
              multiline
              minRows={2}
              fullWidth
              autoFocus
              sx={{ mt: 1 }}
            />
          ) : (
            <Stack spacing={2} sx={{ alignItems: 'center', py: 1 }}>
              <Typography
                aria-label={translate('guanai.applications.revealTitle')}
                sx={{ fontFamily: 'monospace', fontSize: '1.6rem', letterSpacing: 1, userSelect: 'all' }}
              >
                {phone}
              </Typography>
              <MuiButton variant="contained" size="large" startIcon={<PhoneIcon />} href={`tel:${phone}`}>
                {translate('guanai.applications.call')}
              </MuiButton>
            </Stack>
          )}
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={close}>{translate(phone === null ? 'ra.action.cancel' : 'ra.action.close')}</MuiButton>
          {phone === null && (
            <MuiButton variant="contained" onClick={reveal} disabled={reason.trim().length < 4 || busy}>
              {translate('ra.action.confirm')}
            </MuiButton>
          )}
        </DialogActions>
      </Dialog>
    </>
  );
}
