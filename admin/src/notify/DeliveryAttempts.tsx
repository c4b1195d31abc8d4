import HistoryIcon from '@mui/icons-material/History';
import {
  Box,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  Typography,
  type ChipProps,
} from '@mui/material';
import { useState } from 'react';
import { Loading, useGetList, useRecordContext, useTranslate } from 'react-admin';
import type { Delivery } from './types.ts';

const when = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

const COLORS: Record<string, ChipProps['color']> = {
  SENT: 'success',
  RETRY: 'warning',
  FAILED: 'error',
  PENDING: 'info',
};

/**
 * One delivery — a notification on one channel — with every attempt: its time, outcome and the
 * channel's error. A delivery held by quiet hours says until when.
 */
export function DeliveryCard({ delivery, showRecipient = false }: { delivery: Delivery; showRecipient?: boolean }) {
  const translate = useTranslate();
  const d = (key: string, args?: Record<string, unknown>) => translate(`guanai.notify.deliveries.${key}`, args);
  return (
    <Box sx={{ borderBottom: 1, borderColor: 'divider', py: 1 }} data-testid="delivery">
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 0.5 }}>
        <Typography variant="subtitle2">
          {delivery.channelName} · {translate(`guanai.notify.channelKinds.${delivery.channelKind}`)}
        </Typography>
        <Chip size="small" color={COLORS[delivery.status]} label={d(`statuses.${delivery.status}`)} />
      </Stack>
      {showRecipient && (
        <Typography variant="body2" color="text.secondary">
          {[
            delivery.recipientName,
            translate(`guanai.notificationsPage.kinds.${delivery.kind}`, { _: delivery.kind }),
            delivery.caseNo,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Typography>
      )}
      {delivery.status === 'PENDING' && (
        <Typography variant="body2" color="text.secondary">
          {d('notBefore', { time: when(delivery.notBefore) })}
        </Typography>
      )}
      <Box component="ol" sx={{ m: 0, pl: 2.5 }}>
        {delivery.attemptLog.map((attempt, index) => (
          <Box component="li" key={`${attempt.at}-${index}`} sx={{ mt: 0.5 }}>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 0.5 }}>
              <Typography variant="body2">{when(attempt.at)}</Typography>
              <Chip
                size="small"
                variant="outlined"
                color={COLORS[attempt.outcome]}
                label={d(`outcomes.${attempt.outcome}`)}
              />
            </Stack>
            {attempt.error && (
              <Typography variant="body2" color="error" sx={{ wordBreak: 'break-word' }}>
                {attempt.error}
              </Typography>
            )}
          </Box>
        ))}
      </Box>
    </Box>
  );
}

function NotificationDeliveries({ notificationId }: { notificationId: string }) {
  const translate = useTranslate();
  const { data, isPending } = useGetList<Delivery>('notify/deliveries', {
    filter: { notificationId },
    pagination: { page: 1, perPage: 50 },
    sort: { field: 'createdAt', order: 'DESC' },
  });
  if (isPending) return <Loading />;
  if (!data?.length)
    return <Typography color="text.secondary">{translate('guanai.notify.deliveries.none')}</Typography>;
  return (
    <>
      {data.map((delivery) => (
        <DeliveryCard key={delivery.id} delivery={delivery} />
      ))}
    </>
  );
}

/** 投递记录: a button on a notification's row opening its deliveries and their attempts. */
export function DeliveriesButton() {
  const record = useRecordContext<{ id: string }>();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  if (!record) return null;
  return (
    <>
      <Button
        size="small"
        startIcon={<HistoryIcon />}
        onClick={(event) => {
          event.stopPropagation();
          setOpen(true);
        }}
      >
        {translate('guanai.notify.deliveries.button')}
      </Button>
      {open && (
        <Dialog
          open
          onClose={() => setOpen(false)}
          onClick={(event) => event.stopPropagation()}
          fullWidth
          maxWidth="sm"
        >
          <DialogTitle>{translate('guanai.notify.deliveries.title')}</DialogTitle>
          <DialogContent>
            <NotificationDeliveries notificationId={String(record.id)} />
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)}>{translate('ra.action.close')}</Button>
          </DialogActions>
        </Dialog>
      )}
    </>
  );
}
