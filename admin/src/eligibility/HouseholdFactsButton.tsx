import type { TCaseEligibility } from '@guanai/api/types';
import EditIcon from '@mui/icons-material/Edit';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useDataProvider, useTranslate } from 'react-admin';
import { useCan } from '../providers/useCan.ts';
import { useNotifyProblem } from '../tasks/useTaskActions.ts';

const SUPPORTER = { yes: true, no: false, unknown: null } as const;
type SupporterChoice = keyof typeof SUPPORTER;
const numberOrNull = (text: string) => (text.trim() === '' ? null : Number(text));

/**
 * 登记家庭情况: the household's income, assets and supporter, from beside the suggestions (PUT
 * /api/households/{id}); the suggestions are computed again at once.
 */
export function HouseholdFactsButton({ caseId, eligibility }: { caseId: string; eligibility: TCaseEligibility }) {
  const translate = useTranslate();
  const can = useCan();
  const dataProvider = useDataProvider();
  const queryClient = useQueryClient();
  const notifyProblem = useNotifyProblem();
  const { household } = eligibility;
  const [open, setOpen] = useState(false);
  const [income, setIncome] = useState('');
  const [assets, setAssets] = useState('');
  const [supporter, setSupporter] = useState<SupporterChoice>('unknown');
  if (!household.householdId || !can('PUT /api/households/:id')) return null;
  const start = () => {
    setIncome(household.monthlyIncome === null ? '' : String(household.monthlyIncome));
    setAssets(household.assets === null ? '' : String(household.assets));
    setSupporter(household.hasSupporter === null ? 'unknown' : household.hasSupporter ? 'yes' : 'no');
    setOpen(true);
  };
  const save = async () => {
    try {
      await dataProvider.update('households', {
        id: household.householdId!,
        data: { monthlyIncome: numberOrNull(income), assets: numberOrNull(assets), hasSupporter: SUPPORTER[supporter] },
        previousData: { id: household.householdId! },
      });
      setOpen(false);
      await queryClient.invalidateQueries({ queryKey: ['cases', caseId, 'eligibility'] });
    } catch (error) {
      notifyProblem(error);
    }
  };
  const label = (key: string) => translate(`guanai.eligibility.household.${key}`);
  return (
    <>
      <Button size="small" startIcon={<EditIcon />} onClick={start} sx={{ alignSelf: 'flex-start', minHeight: 44 }}>
        {label('edit')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="xs">
        <DialogTitle>{label('edit')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <TextField
              type="number"
              label={label('income')}
              value={income}
              onChange={(e) => setIncome(e.target.value)}
              slotProps={{ htmlInput: { min: 0, step: 0.01, name: 'monthlyIncome' } }}
            />
            <TextField
              type="number"
              label={label('assets')}
              value={assets}
              onChange={(e) => setAssets(e.target.value)}
              slotProps={{ htmlInput: { min: 0, step: 0.01, name: 'assets' } }}
            />
            <TextField
              select
              label={label('supporter')}
              value={supporter}
              onChange={(e) => setSupporter(e.target.value as SupporterChoice)}
            >
              {(Object.keys(SUPPORTER) as SupporterChoice[]).map((choice) => (
                <MenuItem key={choice} value={choice}>
                  {label(`supporters.${choice}`)}
                </MenuItem>
              ))}
            </TextField>
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" onClick={save}>
            {translate('ra.action.save')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
