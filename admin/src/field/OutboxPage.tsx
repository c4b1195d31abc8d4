import {
  Alert,
  Box,
  Button,
  Card,
  CardActions,
  CardContent,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  Divider,
  Stack,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useTranslate, type TranslateFunction } from 'react-admin';
import { Link } from 'react-router-dom';
import type { FieldDb, OutboxItem, SentItem } from './db.ts';
import { FieldPage } from './FieldPage.tsx';
import { syncNow, useUnit } from './FieldSync.tsx';
import { useFieldDb, useLive } from './hooks.ts';
import { discard, openForRegistered, registerAnyway, sendAsNote } from './outbox.ts';
import { SyncBar } from './SyncBar.tsx';

const time = (iso: string) => new Date(iso).toLocaleString();

/** The conflict in words the worker understands: what happened to the case, or why it was refused. */
function conflictText(item: OutboxItem, translate: TranslateFunction): string {
  const conflict = item.conflict!;
  const current = conflict.current;
  if (conflict.reason === 'CASE_MOVED' && current?.status === 'CLOSED')
    return translate('guanai.field.conflict.CASE_MOVED_CLOSED', {
      reason: translate(`guanai.closure.${current.closureReason ?? 'resolved'}`, { _: current.closureReason ?? '' }),
    });
  if (conflict.reason === 'CASE_MOVED')
    return translate('guanai.field.conflict.CASE_MOVED', {
      state: current ? translate(`guanai.states.${current.state}`, { _: current.state }) : conflict.detail,
    });
  return translate(`guanai.field.conflict.${conflict.reason}`, { detail: conflict.detail });
}

/** A held item with the choices that still make sense for it. */
function ConflictCard({ db, item, onDecided }: { db: FieldDb; item: OutboxItem; onDecided: () => void }) {
  const translate = useTranslate();
  const [confirming, setConfirming] = useState(false);
  const conflict = item.conflict!;
  const visit = item.kind === 'VISIT' && item.visit?.kind === 'VISIT';
  const decided = (done: Promise<unknown>) => void done.then(onDecided);
  return (
    <Card variant="outlined" sx={{ borderColor: 'error.main' }} data-testid="outbox-conflict">
      <CardContent>
        <Typography variant="subtitle1">
          {translate(`guanai.field.outbox.${item.kind === 'REPORT' ? 'report' : 'visit'}`)} · {item.label}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {translate('guanai.field.outbox.recorded', { time: time(item.createdAt) })}
        </Typography>
        <Alert severity="warning" sx={{ mt: 1 }} data-testid="conflict-text">
          {conflictText(item, translate)}
        </Alert>
        {item.visit && (
          <Typography variant="body2" sx={{ mt: 1, whiteSpace: 'pre-wrap' }}>
            {item.visit.text}
          </Typography>
        )}
        {conflict.reason === 'POSSIBLE_DUPLICATE' && (
          <Box component="ul" sx={{ my: 1, pl: 3 }}>
            {conflict.duplicates?.map((d, i) => (
              <li key={d.id ?? i}>
                {d.name} {d.idNumberMasked ?? ''} · {d.communityName}（{translate(`guanai.duplicates.match.${d.match}`)}
                ）
              </li>
            ))}
          </Box>
        )}
        {visit && conflict.reason === 'CASE_MOVED' && item.photos.length > 0 && (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            {translate('guanai.field.conflict.photosDropped', { smart_count: item.photos.length })}
          </Typography>
        )}
      </CardContent>
      <CardActions sx={{ flexWrap: 'wrap', gap: 1 }}>
        {visit && conflict.reason === 'CASE_MOVED' && (
          <Button
            variant="contained"
            data-testid="send-as-note"
            onClick={() =>
              decided(
                sendAsNote(db, item.seq!, (v) =>
                  translate('guanai.field.conflict.noteWording', {
                    text: v.text,
                    time: time(v.visitedAt ?? item.createdAt),
                  }),
                ),
              )
            }
          >
            {translate('guanai.field.conflict.sendAsNote')}
          </Button>
        )}
        {conflict.reason === 'POSSIBLE_DUPLICATE' &&
          conflict.duplicates
            ?.filter((d) => d.id)
            .slice(0, 3)
            .map((d) => (
              <Button key={d.id} variant="outlined" onClick={() => decided(openForRegistered(db, item.seq!, d.id!))}>
                {translate('guanai.field.conflict.useRegistered', { name: d.name })}
              </Button>
            ))}
        {conflict.reason === 'POSSIBLE_DUPLICATE' && conflict.duplicates?.every((d) => d.match !== 'ID_NUMBER') && (
          <Button variant="outlined" onClick={() => decided(registerAnyway(db, item.seq!))}>
            {translate('guanai.field.conflict.registerAnyway')}
          </Button>
        )}
        {conflict.current && (
          <Button component={Link} to={`/cases/${conflict.current.id}/show`}>
            {translate('guanai.field.outbox.openCase')}
          </Button>
        )}
        <Button color="error" onClick={() => setConfirming(true)} data-testid="discard">
          {translate('guanai.field.outbox.discard')}
        </Button>
      </CardActions>
      <Dialog open={confirming} onClose={() => setConfirming(false)}>
        <DialogContent>{translate('guanai.field.outbox.discardConfirm')}</DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirming(false)}>{translate('guanai.field.outbox.cancel')}</Button>
          <Button color="error" onClick={() => decided(discard(db, item.seq!))} data-testid="discard-confirm">
            {translate('guanai.field.outbox.discard')}
          </Button>
        </DialogActions>
      </Dialog>
    </Card>
  );
}

function WaitingRow({ item }: { item: OutboxItem }) {
  const translate = useTranslate();
  return (
    <Card variant="outlined" data-testid="outbox-waiting-item">
      <CardContent sx={{ '&:last-child': { pb: 2 } }}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Chip size="small" label={translate(`guanai.field.outbox.${item.kind === 'REPORT' ? 'report' : 'visit'}`)} />
          <Typography variant="subtitle1">{item.label}</Typography>
        </Stack>
        <Typography variant="body2" color="text.secondary">
          {translate('guanai.field.outbox.recorded', { time: time(item.createdAt) })}
          {item.photos.length > 0 &&
            ` · ${translate('guanai.field.photos.count', { smart_count: item.photos.length })}`}
        </Typography>
        {item.attempts > 0 && item.lastError && (
          <Typography variant="body2" color="text.secondary">
            {translate('guanai.field.outbox.attempts', { smart_count: item.attempts, error: item.lastError })}
          </Typography>
        )}
      </CardContent>
    </Card>
  );
}

function SentRow({ item }: { item: SentItem }) {
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', py: 0.5 }} data-testid="outbox-sent-item">
      <Typography variant="body2" sx={{ flex: 1 }}>
        {item.label} · {translate('guanai.field.outbox.sentAt', { time: time(item.sentAt) })}
        {item.asNote && ` · ${translate('guanai.field.outbox.asNote')}`}
      </Typography>
      <Button size="small" component={Link} to={`/cases/${item.caseId}/show`}>
        {item.caseNo ?? translate('guanai.field.outbox.openCase')}
      </Button>
    </Stack>
  );
}

/** 发件箱: what waits to be sent, what needs the worker (conflicts with their choices), what was sent. */
export function OutboxPage() {
  const translate = useTranslate();
  const db = useFieldDb();
  const unit = useUnit();
  const items = useLive(db, (d) => d.outbox.orderBy('seq').toArray(), [] as OutboxItem[]);
  const sent = useLive(db, (d) => d.sent.orderBy('sentAt').reverse().toArray(), [] as SentItem[]);
  if (!db) return null;
  const held = items.filter((item) => item.status === 'CONFLICT');
  const waiting = items.filter((item) => item.status === 'WAITING');
  // A decision sends at once when the phone is online.
  const onDecided = () => void (navigator.onLine ? syncNow(db, unit).catch(() => undefined) : undefined);
  return (
    <FieldPage title="guanai.field.outbox.title">
      <SyncBar db={db} />
      {held.map((item) => (
        <ConflictCard key={item.seq} db={db} item={item} onDecided={onDecided} />
      ))}
      <Typography variant="subtitle2">{translate('guanai.field.outbox.waitingTitle')}</Typography>
      {waiting.length === 0 ? (
        <Typography color="text.secondary">
          {translate(held.length > 0 ? 'guanai.field.allSent' : 'guanai.field.outbox.empty')}
        </Typography>
      ) : (
        waiting.map((item) => <WaitingRow key={item.seq} item={item} />)
      )}
      {sent.length > 0 && (
        <>
          <Divider />
          <Typography variant="subtitle2">{translate('guanai.field.outbox.sentTitle')}</Typography>
          <Box>
            {sent.map((item) => (
              <SentRow key={item.key} item={item} />
            ))}
          </Box>
        </>
      )}
    </FieldPage>
  );
}
