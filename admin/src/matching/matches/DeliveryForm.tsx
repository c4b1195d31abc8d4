import type { TMatch } from '@guanai/api/types';
import type { DeliveryKind } from '@guanai/workflows/vocabulary';
import AddTaskIcon from '@mui/icons-material/AddTask';
import AttachFileIcon from '@mui/icons-material/AttachFile';
import {
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  LinearProgress,
  Stack,
  Typography,
  useMediaQuery,
  type Theme,
} from '@mui/material';
import { useRef, useState, type ChangeEvent } from 'react';
import {
  Button,
  DateInput,
  Form,
  NumberInput,
  RadioButtonGroupInput,
  SaveButton,
  TextInput,
  minValue,
  required,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
  type Validator,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import type { GuanaiDataProvider } from '../../providers/dataProvider.ts';
import { useCan } from '../../providers/useCan.ts';
import { useNotifyProblem } from '../../tasks/useTaskActions.ts';
import { deliveryKindChoices, newIdempotencyKey } from '../choices.ts';

const today = () => new Date().toISOString().slice(0, 10);
const notFuture: Validator = (value: unknown) =>
  typeof value === 'string' && value > today() ? 'guanai.matching.portal.notFuture' : undefined;

/** The amount, quantity or hours a kind of delivery is measured in (money its amount, a service its hours). */
function MeasureInput() {
  const kind = useWatch({ name: 'kind' }) as string | undefined;
  if (kind === 'MONEY')
    return (
      <NumberInput
        source="amount"
        label="guanai.matching.portal.amount"
        validate={[required(), minValue(0.01)]}
        fullWidth
      />
    );
  if (kind === 'SERVICE')
    return (
      <NumberInput
        source="hours"
        label="guanai.matching.portal.hours"
        step={0.25}
        validate={[required(), minValue(0.25)]}
        fullWidth
      />
    );
  return <NumberInput source="quantity" label="guanai.matching.portal.quantity" validate={minValue(0)} fullWidth />;
}

/** The dialog's values (form state): a kind of the radio group, and its measure when the kind has one. */
type DeliveryValues = {
  kind: DeliveryKind;
  description: string;
  amount?: number;
  hours?: number;
  quantity?: number | null;
  deliveredOn: string;
};

/**
 * 登记落实: what was given on an accepted match. Evidence photos go up first (each its own
 * request); the delivery then names them. The dialog keeps one Idempotency-Key, and the files
 * already uploaded, so that trying again after a failure records the delivery once.
 */
export function DeliveryButton() {
  const match = useRecordContext<TMatch>();
  const can = useCan();
  const translate = useTranslate();
  const isSmall = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const dataProvider = useDataProvider<GuanaiDataProvider>();
  const notify = useNotify();
  const notifyProblem = useNotifyProblem();
  const refresh = useRefresh();
  const [key, setKey] = useState<string | null>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [uploading, setUploading] = useState(false);
  const uploaded = useRef(new Map<File, string>());
  if (!match || match.status !== 'ACCEPTED' || !can('POST /api/matches/:id/deliveries')) return null;
  const open = () => {
    setKey(newIdempotencyKey());
    setFiles([]);
    uploaded.current = new Map();
  };
  const close = () => setKey(null);
  const choose = (event: ChangeEvent<HTMLInputElement>) => setFiles(Array.from(event.target.files ?? []));
  const save = async (values: Record<string, unknown>) => {
    try {
      setUploading(true);
      for (const file of files) {
        if (!uploaded.current.has(file))
          uploaded.current.set(file, (await dataProvider.uploadEvidence(match.id, file)).data.id);
      }
      setUploading(false);
      const form = values as DeliveryValues;
      const measure =
        form.kind === 'MONEY'
          ? { amount: form.amount }
          : form.kind === 'SERVICE'
            ? { hours: form.hours }
            : typeof form.quantity === 'number'
              ? { quantity: form.quantity }
              : {};
      const body = {
        kind: form.kind,
        description: String(form.description).trim(),
        ...measure,
        deliveredOn: form.deliveredOn,
        evidence: files.map((f) => uploaded.current.get(f)!),
      };
      await dataProvider.recordDelivery(match.id, body, key!);
      notify('guanai.matching.portal.recorded', { type: 'success' });
      close();
      refresh();
    } catch (error) {
      setUploading(false);
      notifyProblem(error);
    }
  };
  const defaultKind = match.amount > 0 ? 'MONEY' : 'SERVICE';
  return (
    <>
      <MuiButton variant="contained" startIcon={<AddTaskIcon />} onClick={open}>
        {translate('guanai.matching.portal.record')}
      </MuiButton>
      <Dialog open={key !== null} onClose={close} fullWidth maxWidth="sm" fullScreen={isSmall}>
        <Form onSubmit={save} record={{ kind: defaultKind, deliveredOn: today() }}>
          <DialogTitle>{translate('guanai.matching.portal.record')}</DialogTitle>
          <DialogContent>
            <RadioButtonGroupInput
              source="kind"
              label="guanai.matching.portal.kind"
              choices={deliveryKindChoices}
              validate={required()}
            />
            <TextInput
              source="description"
              label="guanai.matching.portal.description"
              validate={required()}
              multiline
              fullWidth
            />
            <MeasureInput />
            <DateInput
              source="deliveredOn"
              label="guanai.matching.portal.deliveredOn"
              validate={[required(), notFuture]}
              fullWidth
            />
            <Stack spacing={1} sx={{ mt: 1 }}>
              <MuiButton
                component="label"
                variant="outlined"
                startIcon={<AttachFileIcon />}
                sx={{ alignSelf: 'flex-start' }}
              >
                {translate('guanai.matching.portal.evidence')}
                <input
                  hidden
                  type="file"
                  multiple
                  accept="image/jpeg,image/png,image/webp,application/pdf"
                  onChange={choose}
                  data-testid="delivery-evidence"
                />
              </MuiButton>
              {files.length > 0 && (
                <Typography variant="body2" color="text.secondary">
                  {translate('guanai.matching.portal.chosen', { count: files.length })}：
                  {files.map((f) => f.name).join('、')}
                </Typography>
              )}
              {uploading && (
                <>
                  <Typography variant="body2">{translate('guanai.matching.portal.uploading')}</Typography>
                  <LinearProgress />
                </>
              )}
            </Stack>
          </DialogContent>
          <DialogActions>
            <Button label="ra.action.cancel" onClick={close} />
            <SaveButton label="ra.action.confirm" alwaysEnable />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
}
