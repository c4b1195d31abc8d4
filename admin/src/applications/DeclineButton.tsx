import BlockIcon from '@mui/icons-material/Block';
import { Alert, Button } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useTranslate } from 'react-admin';
import { ReasonDialog } from '../matching/ReasonDialog.tsx';
import type { GuanaiDataProvider } from '../providers/dataProvider.ts';
import { useAction } from '../tasks/useTaskActions.ts';
import type { ApplicationRecord } from './types.ts';

/** 不予受理: with a reason the applicant will read by their reference number (the dialog says so). */
export function DeclineButton({
  application,
  size = 'medium',
}: {
  application: ApplicationRecord;
  size?: 'medium' | 'large';
}) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<GuanaiDataProvider>();
  const { busy, run } = useAction();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        onClick={() => setOpen(true)}
        disabled={busy}
        color="error"
        variant="outlined"
        size={size}
        startIcon={<BlockIcon />}
      >
        {translate('guanai.applications.decline')}
      </Button>
      <ReasonDialog
        open={open}
        title={translate('guanai.applications.declineTitle')}
        label={translate('guanai.applications.declineReason')}
        minLength={4}
        confirmLabel="guanai.applications.decline"
        onClose={() => setOpen(false)}
        onConfirm={async (reason) => {
          const done = await run(
            () => dataProvider.declineApplication(application.id, reason),
            'guanai.applications.declined',
          );
          if (done) setOpen(false);
          return done;
        }}
      >
        <Alert severity="warning" sx={{ mb: 1 }}>
          {translate('guanai.applications.declineWarning')}
        </Alert>
      </ReasonDialog>
    </>
  );
}
