import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, Typography } from '@mui/material';
import { useNotify, useTranslate } from 'react-admin';

/** Shows a one-time password clearly, once: the API keeps only its hash. */
export function TemporaryPasswordDialog({
  password,
  name,
  onClose,
}: {
  password: string | null;
  name: string;
  onClose: () => void;
}) {
  const translate = useTranslate();
  const notify = useNotify();
  const copy = async () => {
    await navigator.clipboard?.writeText(password ?? '');
    notify('guanai.users.copied', { type: 'info' });
  };
  return (
    <Dialog
      open={password !== null}
      onClose={(_event, reason) => reason !== 'backdropClick' && onClose()}
      fullWidth
      maxWidth="xs"
    >
      <DialogTitle>{translate('guanai.users.temporaryPassword')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <Typography
            aria-label={translate('guanai.users.temporaryPassword')}
            sx={{
              fontFamily: 'monospace',
              fontSize: '1.5rem',
              letterSpacing: 2,
              textAlign: 'center',
              p: 1,
              bgcolor: 'action.hover',
              borderRadius: 1,
              userSelect: 'all',
              wordBreak: 'break-all',
            }}
          >
            {password}
          </Typography>
          <Alert severity="warning">{translate('guanai.users.temporaryPasswordHelp', { name })}</Alert>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button startIcon={<ContentCopyIcon />} onClick={copy}>
          {translate('guanai.users.copy')}
        </Button>
        <Button variant="contained" onClick={onClose}>
          {translate('guanai.users.done')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
