import CloudOffIcon from '@mui/icons-material/CloudOff';
import CloudDoneIcon from '@mui/icons-material/CloudDone';
import { Alert, Button, Stack } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import type { FieldDb } from './db.ts';
import { syncNow, useUnit, type SyncStatus } from './FieldSync.tsx';
import { useLive, useOnline } from './hooks.ts';

/** Counts of the outbox: waiting to send, and held for the worker. */
export function useOutboxCounts(db: FieldDb | null) {
  return useLive(
    db,
    async (d) => ({
      waiting: await d.outbox.where('status').equals('WAITING').count(),
      held: await d.outbox.where('status').equals('CONFLICT').count(),
    }),
    { waiting: 0, held: 0 },
  );
}

/** Online or not, what waits, what needs the worker, and a button to send now. */
export function SyncBar({ db }: { db: FieldDb }) {
  const translate = useTranslate();
  const online = useOnline();
  const unit = useUnit();
  const { waiting, held } = useOutboxCounts(db);
  const last = useLive(db, async (d) => (await d.refdata.get('sync'))?.value as SyncStatus | undefined, undefined);
  const [sending, setSending] = useState(false);
  const send = async () => {
    setSending(true);
    await syncNow(db, unit).finally(() => setSending(false));
  };
  const stopped = online && waiting > 0 ? last?.stopped : undefined;
  return (
    <Stack spacing={1} data-testid="sync-bar">
      <Alert
        severity={online ? 'success' : 'warning'}
        icon={online ? <CloudDoneIcon /> : <CloudOffIcon />}
        action={
          online && waiting > 0 ? (
            <Button color="inherit" size="small" disabled={sending} onClick={() => void send()}>
              {translate(sending ? 'guanai.field.sending' : 'guanai.field.sendNow')}
            </Button>
          ) : undefined
        }
      >
        {online ? translate('guanai.field.online') : translate('guanai.field.offline')}
        {' · '}
        <span data-testid="outbox-waiting">
          {waiting > 0
            ? translate('guanai.field.waiting', { smart_count: waiting })
            : translate('guanai.field.allSent')}
        </span>
      </Alert>
      {held > 0 && (
        <Alert severity="error" data-testid="outbox-held">
          {translate('guanai.field.held', { smart_count: held })}
        </Alert>
      )}
      {stopped && <Alert severity="info">{translate(`guanai.field.stopped.${stopped}`)}</Alert>}
    </Stack>
  );
}
