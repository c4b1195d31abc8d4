import type { TResource } from '@guanai/api/types';
import AddIcon from '@mui/icons-material/Add';
import PrintIcon from '@mui/icons-material/Print';
import {
  Button as MuiButton,
  Chip,
  TextField,
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
import { Link } from 'react-router-dom';
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
import { ReasonDialog } from '../ReasonDialog.tsx';
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

type Entry = Awaited<ReturnType<GuanaiDataProvider['getDonations']>>['data'][number];

/** Yuan as whole fen, so sums of the ledger's entries are exact. */
const fen = (yuanAmount: number) => Math.round(yuanAmount * 100);

/**
 * 退款 / 冲正 of one donation: a new ledger entry with its reason (the ledger is never edited). A
 * refund names an amount up to what remains; a reversal takes all that remains, once.
 */
function CorrectionDialog({
  entry,
  resourceId,
  kind,
  remainingFen,
  onClose,
}: {
  entry: Entry;
  resourceId: string;
  kind: 'REFUND' | 'REVERSAL';
  remainingFen: number;
  onClose: () => void;
}) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<GuanaiDataProvider>();
  const notify = useNotify();
  const notifyProblem = useNotifyProblem();
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  const [key] = useState(newIdempotencyKey);
  const [amount, setAmount] = useState('');
  const remaining = (remainingFen / 100).toFixed(2);
  const amountFen = fen(Number(amount));
  const amountOk = amount !== '' && amountFen > 0 && amountFen <= remainingFen && /^\d+(\.\d{1,2})?$/.test(amount);
  const confirm = async (reason: string) => {
    if (kind === 'REFUND' && !amountOk) return false;
    try {
      if (kind === 'REFUND') await dataProvider.refundDonation(entry.id, { amount: amountFen / 100, reason }, key);
      else await dataProvider.reverseDonation(entry.id, reason, key);
      notify(`guanai.matching.donations.${kind === 'REFUND' ? 'refunded' : 'reversed'}`, { type: 'success' });
      await queryClient.invalidateQueries({ queryKey: ['resources', resourceId, 'donations'] });
      await queryClient.invalidateQueries({ queryKey: ['resources'] });
      refresh();
      onClose();
      return true;
    } catch (error) {
      notifyProblem(error);
      return false;
    }
  };
  const no = entry.receiptNo ?? '';
  return (
    <ReasonDialog
      open
      minLength={1}
      title={translate(`guanai.matching.donations.${kind === 'REFUND' ? 'refundTitle' : 'reverseTitle'}`, { no })}
      label={translate('guanai.matching.donations.reason')}
      onClose={onClose}
      onConfirm={confirm}
    >
      {kind === 'REFUND' ? (
        <TextField
          label={translate('guanai.matching.donations.amount')}
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          type="number"
          required
          fullWidth
          error={amount !== '' && !amountOk}
          helperText={translate('guanai.matching.donations.refundHelp', { remaining })}
          slotProps={{ htmlInput: { min: 0.01, step: 0.01, max: remaining, inputMode: 'decimal' } }}
          sx={{ mt: 1 }}
        />
      ) : (
        <Typography variant="body2">{translate('guanai.matching.donations.reverseHelp', { remaining })}</Typography>
      )}
    </ReasonDialog>
  );
}

/** One entry of the ledger: a donation with its receipt number and actions, or a refund or reversal with its reason. */
function EntryItem({
  entry,
  resource,
  receiptOf,
  remainingFen,
}: {
  entry: Entry;
  resource: TResource;
  receiptOf: (id: string | null) => string;
  remainingFen: number;
}) {
  const translate = useTranslate();
  const can = useCan();
  const partnerId = usePartnerId();
  const [open, setOpen] = useState<'REFUND' | 'REVERSAL' | null>(null);
  const ownCampaign = partnerId === null || partnerId === resource.providerId;
  const donation = entry.kind === 'DONATION';
  const mayCorrect = donation && ownCampaign && remainingFen > 0;
  return (
    <ListItem divider disableGutters sx={{ flexWrap: 'wrap', gap: 1 }}>
      <ListItemText
        sx={{ minWidth: 200 }}
        primary={
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
            {!donation && (
              <Chip
                size="small"
                color="warning"
                label={translate(`guanai.matching.donations.kinds.${entry.kind}`, { _: entry.kind })}
              />
            )}
            <span>{`${entry.donorName} · ${yuan(entry.amount)}`}</span>
          </Stack>
        }
        secondary={[
          entry.receivedOn,
          entry.channel,
          donation
            ? translate('guanai.matching.donations.receiptNo', { no: entry.receiptNo ?? '' })
            : translate('guanai.matching.donations.corrects', { no: receiptOf(entry.reversesId) }),
          entry.reason,
        ]
          .filter(Boolean)
          .join(' · ')}
      />
      {donation && (
        <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }}>
          <MuiButton size="small" component={Link} to={`/print/donations/${entry.id}`} startIcon={<PrintIcon />}>
            {translate('guanai.matching.donations.print')}
          </MuiButton>
          {mayCorrect && can('POST /api/donations/:id/refunds') && (
            <MuiButton size="small" onClick={() => setOpen('REFUND')}>
              {translate('guanai.matching.donations.refund')}
            </MuiButton>
          )}
          {mayCorrect && can('POST /api/donations/:id/reversals') && (
            <MuiButton size="small" color="warning" onClick={() => setOpen('REVERSAL')}>
              {translate('guanai.matching.donations.reverse')}
            </MuiButton>
          )}
        </Stack>
      )}
      {open && (
        <CorrectionDialog
          entry={entry}
          resourceId={resource.id}
          kind={open}
          remainingFen={remainingFen}
          onClose={() => setOpen(null)}
        />
      )}
    </ListItem>
  );
}

/** A fundraising campaign: what was raised against its target, and the donations ledger with its corrections. */
export function Donations({ resource }: { resource: TResource }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<GuanaiDataProvider>();
  const { data: donations, isPending } = useQuery({
    queryKey: ['resources', resource.id, 'donations'],
    queryFn: async () => (await dataProvider.getDonations(resource.id)).data,
  });
  const raised = resource.budget ?? 0;
  const target = resource.target ?? 0;
  // What remains of each donation: its amount and its refunds and reversals, in fen.
  const remaining = new Map<string, number>();
  for (const d of donations ?? []) {
    const id = d.kind === 'DONATION' ? d.id : d.reversesId;
    if (id) remaining.set(id, (remaining.get(id) ?? 0) + fen(d.amount));
  }
  const receiptOf = (id: string | null) => donations?.find((d) => d.id === id)?.receiptNo ?? '';
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
            <EntryItem
              key={d.id}
              entry={d}
              resource={resource}
              receiptOf={receiptOf}
              remainingFen={remaining.get(d.id) ?? 0}
            />
          ))}
        </List>
      )}
    </Stack>
  );
}
