import { Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
import { useState, type ReactNode } from 'react';
import { useTranslate } from 'react-admin';

interface Props {
  open: boolean;
  title: string;
  label: string;
  /** The API's minimum (decline and withdraw: 2 characters, "say why"). */
  minLength?: number;
  confirmLabel?: string;
  children?: ReactNode;
  onClose: () => void;
  /** True when done (the caller closes the dialog); false keeps the reason for another try. */
  onConfirm: (reason: string) => Promise<boolean>;
}

/** A decision that needs a reason: confirm stays off until one is given. */
export function ReasonDialog({
  open,
  title,
  label,
  minLength = 2,
  confirmLabel = 'ra.action.confirm',
  children,
  onClose,
  onConfirm,
}: Props) {
  const translate = useTranslate();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const close = () => {
    setReason('');
    onClose();
  };
  const confirm = async () => {
    setBusy(true);
    const done = await onConfirm(reason.trim());
    setBusy(false);
    if (done) setReason('');
  };
  return (
    <Dialog open={open} onClose={close} fullWidth maxWidth="sm">
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>
        {children}
        <TextField
          label={label}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          multiline
          minRows={2}
          fullWidth
          required
          autoFocus
          sx={{ mt: 1 }}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={close}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" onClick={confirm} disabled={busy || reason.trim().length < minLength}>
          {translate(confirmLabel)}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
