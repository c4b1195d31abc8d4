import type { TResource } from '@guanai/api/types';
import AddIcon from '@mui/icons-material/Add';
import {
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  LinearProgress,
  List,
  ListItem,
  ListItemText,
  Stack,
  Typography,
} from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  Button,
  DateInput,
  Form,
  NumberInput,
  SaveButton,
  TextInput,
  minValue,
  required,
  useDataProvider,
  useNotify,
  useRefresh,
  useTranslate,
} from 'react-admin';
import type { GuanaiDataProvider } from '../../providers/dataProvider.ts';
import { useCan } from '../../providers/useCan.ts';
import { useNotifyProblem } from '../../tasks/useTaskActions.ts';
import { newIdempotencyKey, yuan } from '../choices.ts';
import { usePartnerId } from '../usePartnerId.ts';

const today = () => new Date().toISOString().slice(0, 10);

/** 登记捐赠: admins, managers, and the campaign's own partner. The campaign's budget grows by it. */
function DonationButton({ resource }: { resource: TResource }) {
  const can = useCan();
  const partnerId = usePartnerId();
  const translate = useTranslate();
  const dataProvider = useDataProvider<GuanaiDataProvider>();
  const notify = useNotify();
  const notifyProblem = useNotifyProblem();
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  const [key, setKey] = useState<string | null>(null);
  const ownCampaign = partnerId === null || partnerId === resource.providerId;
  if (!can('POST /api/resources/:id/donations') || !ownCampaign) return null;
  const save = async (values: Record<string, unknown>) => {
    try {
      const channel = String(values.channel ?? '').trim();
      await dataProvider.addDonation(
        resource.id,
        {
          donorName: String(values.donorName).trim(),
          amount: Number(values.amount),
          receivedOn: String(values.receivedOn),
          ...(channel ? { channel } : {}),
        },
        key!,
      );
      notify('guanai.matching.donations.added', { type: 'success' });
      setKey(null);
      await queryClient.invalidateQueries({ queryKey: ['resources', resource.id, 'donations'] });
      refresh();
    } catch (error) {
      notifyProblem(error);
    }
  };
  return (
    <>
      <MuiButton variant="outlined" startIcon={<AddIcon />} onClick={() => setKey(newIdempotencyKey())}>
        {translate('guanai.matching.donations.add')}
      </MuiButton>
      <Dialog open={key !== null} onClose={() => setKey(null)} fullWidth maxWidth="xs">
        <Form onSubmit={save} record={{ receivedOn: today() }}>
          <DialogTitle>{translate('guanai.matching.donations.add')}</DialogTitle>
          <DialogContent>
            <TextInput source="donorName" label="guanai.matching.donations.donorName" validate={required()} fullWidth />
            <NumberInput
              source="amount"
              label="guanai.matching.donations.amount"
              validate={[required(), minValue(0.01)]}
              fullWidth
            />
            <DateInput
              source="receivedOn"
              label="guanai.matching.donations.receivedOn"
              validate={required()}
              fullWidth
            />
            <TextInput source="channel" label="guanai.matching.donations.channel" fullWidth />
          </DialogContent>
          <DialogActions>
            <Button label="ra.action.cancel" onClick={() => setKey(null)} />
            <SaveButton label="ra.action.confirm" alwaysEnable />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
}

/** A fundraising campaign: what was raised against its target, and the donations ledger. */
export function Donations({ resource }: { resource: TResource }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<GuanaiDataProvider>();
  const { data: donations, isPending } = useQuery({
    queryKey: ['resources', resource.id, 'donations'],
    queryFn: async () => (await dataProvider.getDonations(resource.id)).data,
  });
  const raised = resource.budget ?? 0;
  const target = resource.target ?? 0;
  return (
    <Stack spacing={1}>
      <Stack
        direction="row"
        spacing={1}
        sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap' }}
      >
        <Typography variant="subtitle1">{translate('guanai.matching.donations.title')}</Typography>
        <DonationButton resource={resource} />
      </Stack>
      <Typography variant="body2">
        {translate('guanai.matching.donations.raised', { raised: yuan(raised), target: yuan(target) })}
      </Typography>
      {target > 0 && (
        <LinearProgress
          variant="determinate"
          value={Math.min(100, (raised / target) * 100)}
          sx={{ height: 8, borderRadius: 4 }}
        />
      )}
      {isPending ? (
        <LinearProgress />
      ) : !donations?.length ? (
        <Typography variant="body2" color="text.secondary">
          {translate('guanai.matching.donations.none')}
        </Typography>
      ) : (
        <List dense disablePadding aria-label={translate('guanai.matching.donations.title')}>
          {donations.map((d) => (
            <ListItem key={d.id} divider disableGutters>
              <ListItemText
                primary={`${d.donorName} · ${yuan(d.amount)}`}
                secondary={[d.receivedOn, d.channel].filter(Boolean).join(' · ')}
              />
            </ListItem>
          ))}
        </List>
      )}
    </Stack>
  );
}
