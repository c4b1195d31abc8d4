import CampaignIcon from '@mui/icons-material/Campaign';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import type { GuanaiDataProvider } from '../../providers/dataProvider.ts';
import { problemMessage, type Problem } from '../../providers/http.ts';
import { useCan } from '../../providers/useCan.ts';
import type { Need } from '../types.ts';

const FIELDS = ['title', 'description', 'amount', 'service'] as const;
type Field = (typeof FIELDS)[number];

/**
 * 发布到项目平台: one need, anonymised, for partners and the public to answer. The API refuses text
 * that names the person (422 on that field); its reason shows under the field.
 */
export function PublishButton({ caseId, need }: { caseId: string; need: Need }) {
  const can = useCan();
  const translate = useTranslate();
  const dataProvider = useDataProvider<GuanaiDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const category = translate(`guanai.categories.${need.category}`, { _: need.category });
  const initial = {
    title: translate('guanai.matching.publish.defaultTitle', { category }),
    description: '',
    amount: '',
    service: '',
  };
  const [values, setValues] = useState<Record<Field, string>>(initial);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  if (!can('POST /api/projects')) return null;
  const set = (field: Field) => (e: { target: { value: string } }) => setValues({ ...values, [field]: e.target.value });
  const start = () => {
    setValues(initial);
    setErrors({});
    setFailure(null);
    setOpen(true);
  };
  const local = {
    title: values.title.trim().length < 4,
    description: values.description.trim().length < 10,
    need: !values.amount.trim() && !values.service.trim(),
    amount: !!values.amount.trim() && !(Number(values.amount) > 0),
  };
  const publish = async () => {
    setBusy(true);
    setErrors({});
    setFailure(null);
    try {
      await dataProvider.publishProject({
        caseId,
        needIndex: need.index,
        title: values.title.trim(),
        description: values.description.trim(),
        ...(values.amount.trim() ? { amount: Number(values.amount) } : {}),
        ...(values.service.trim() ? { service: values.service.trim() } : {}),
      });
      notify('guanai.matching.publish.done', { type: 'success' });
      setOpen(false);
      refresh();
    } catch (error) {
      const problem = (error as { body?: Problem }).body;
      const all = problem?.errors ?? [];
      const onFields = all.filter((e) => (FIELDS as readonly string[]).includes(e.field));
      setErrors(Object.fromEntries(onFields.map((e) => [e.field, fieldReason(e.reason)])));
      // Reasons shown under their fields are not repeated above them.
      setFailure(
        onFields.length > 0 && onFields.length === all.length
          ? translate('guanai.problems.validation')
          : problemMessage(error, translate),
      );
    } finally {
      setBusy(false);
    }
  };
  /** The API refuses text naming the person in English words; the caseworker reads why in theirs. */
  const fieldReason = (reason: string) =>
    /must not identify the person/.test(reason) ? translate('guanai.matching.publish.identifying') : reason;
  const field = (name: Field, label: string, extra: Record<string, unknown> = {}) => (
    <TextField
      label={translate(label)}
      value={values[name]}
      onChange={set(name)}
      error={!!errors[name]}
      helperText={errors[name] ?? ' '}
      fullWidth
      {...extra}
    />
  );
  return (
    <>
      <Button size="small" startIcon={<CampaignIcon />} onClick={start}>
        {translate('guanai.matching.panel.publish')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
        <DialogTitle>{translate('guanai.matching.publish.title')}</DialogTitle>
        <DialogContent>
          <Stack spacing={1} sx={{ pt: 1 }}>
            <Alert severity="info" role="note">
              {translate('guanai.matching.publish.help')}
            </Alert>
            {failure && (
              <Alert severity="error" role="alert">
                {failure}
              </Alert>
            )}
            {field('title', 'guanai.matching.publish.titleField', { required: true })}
            {field('description', 'guanai.matching.publish.description', {
              required: true,
              multiline: true,
              minRows: 3,
            })}
            {field('amount', 'guanai.matching.publish.amount', {
              type: 'number',
              slotProps: { htmlInput: { min: 0.01, step: 0.01 } },
            })}
            {field('service', 'guanai.matching.publish.service')}
            {local.need && (
              <Alert severity="warning" variant="outlined" role="note">
                {translate('guanai.matching.publish.amountOrService')}
              </Alert>
            )}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
          <Button
            variant="contained"
            onClick={publish}
            disabled={busy || local.title || local.description || local.need || local.amount}
          >
            {translate('guanai.matching.panel.publish')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
