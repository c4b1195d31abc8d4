import { Box, Card, Typography } from '@mui/material';
import { List, Pagination, useListContext, useTranslate } from 'react-admin';
import { DeliveryCard } from './DeliveryAttempts.tsx';
import type { Delivery } from './types.ts';

function FailedCards() {
  const translate = useTranslate();
  const { data, isPending } = useListContext<Delivery>();
  if (isPending) return null;
  if (!data?.length) {
    return (
      <Typography sx={{ p: 2 }} color="text.secondary">
        {translate('guanai.notify.deliveries.failedEmpty')}
      </Typography>
    );
  }
  return (
    <Box sx={{ px: 2 }}>
      {data.map((delivery) => (
        <DeliveryCard key={delivery.id} delivery={delivery} showRecipient />
      ))}
    </Box>
  );
}

/** 投递失败 (admins): the deliveries that gave up, newest first, each with its attempts and the channel's errors. */
export function FailedDeliveries() {
  return (
    <List
      resource="notify/deliveries"
      title="guanai.notify.deliveries.failedTitle"
      filter={{ status: 'FAILED' }}
      sort={{ field: 'createdAt', order: 'DESC' }}
      perPage={25}
      exporter={false}
      actions={false}
      empty={false}
      disableSyncWithLocation
      pagination={<Pagination rowsPerPageOptions={[25, 50]} />}
      component={Card}
    >
      <FailedCards />
    </List>
  );
}
