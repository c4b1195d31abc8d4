import EditIcon from '@mui/icons-material/Edit';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { useNotifyProblem } from '../tasks/useTaskActions.ts';
import { useCan } from '../providers/useCan.ts';
import type { PersonRecord } from './types.ts';

/**
 * The household's monthly income: matching divides it by the members for the income-per-head
 * rules of resources (unknown asks the caseworker to check).
 */
export function HouseholdIncome() {
  const person = useRecordContext<PersonRecord>();
  const translate = useTranslate();
  const can = useCan();
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const notifyProblem = useNotifyProblem();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState('');
  const household = person?.household;
  if (!household) return null;
  const members = household.members.length || 1;
  const income = household.monthlyIncome ?? null;
  const save = async () => {
    try {
      await dataProvider.update('households', {
        id: household.id,
        data: { monthlyIncome: value.trim() === '' ? null : Number(value) },
        previousData: { id: household.id },
      });
      notify('guanai.people.incomeSaved', { type: 'success' });
      setOpen(false);
      refresh();
    } catch (error) {
      notifyProblem(error);
    }
  };
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
      <Typography variant="body2">
        {income === null
          ? translate('guanai.people.incomeUnknown')
          : translate('guanai.people.income', {
              income: income.toLocaleString('zh-CN'),
              perHead: (Math.round((income / members) * 100) / 100).toLocaleString('zh-CN'),
            })}
      </Typography>
      {can('PUT /api/households/:id') && !person.mergedIntoId && (
        <Button
          size="small"
          startIcon={<EditIcon />}
          onClick={() => {
            setValue(income === null ? '' : String(income));
            setOpen(true);
          }}
        >
          {translate('guanai.people.editIncome')}
        </Button>
      )}
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="xs">
        <DialogTitle>{translate('guanai.people.editIncome')}</DialogTitle>
        <DialogContent>
          <TextField
            autoFocus
            fullWidth
            type="number"
            margin="dense"
            label={translate('guanai.people.incomeLabel')}
            helperText={translate('guanai.people.incomeHelp')}
            value={value}
            onChange={(e) => setValue(e.target.value)}
            slotProps={{ htmlInput: { min: 0, step: 0.01, name: 'monthlyIncome' } }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" onClick={save}>
            {translate('ra.action.save')}
          </Button>
        </DialogActions>
      </Dialog>
    </Stack>
  );
}
