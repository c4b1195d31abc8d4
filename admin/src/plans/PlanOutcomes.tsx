import { PLAN_ITEM_OUTCOMES } from '@guanai/workflows/vocabulary';
import {
  Alert,
  LinearProgress,
  Paper,
  Stack,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import { BooleanInput, TextInput, useInput, useTranslate } from 'react-admin';
import { useFormState } from 'react-hook-form';
import { PlanItemSummary } from './PlanItemSummary.tsx';
import { usePlanCase, type TPlanItem } from './types.ts';

interface Outcome {
  itemId: string;
  outcome: (typeof PLAN_ITEM_OUTCOMES)[number] | null;
  note?: string;
}

const validOutcomes = (value: unknown) =>
  (Array.isArray(value) ? (value as Outcome[]) : []).some((o) => o.outcome === null)
    ? 'guanai.plans.followUp.undecided'
    : undefined;

/** The outcomes as one form value (`itemOutcomes`): one per item of the plan, with a note. */
function OutcomesInput({ items }: { items: TPlanItem[] }) {
  const translate = useTranslate();
  const { isSubmitted } = useFormState();
  const { field } = useInput<Outcome[]>({
    source: 'itemOutcomes',
    defaultValue: items.map((item) => ({ itemId: item.id, outcome: null })),
    validate: validOutcomes,
  });
  const outcomes: Outcome[] = Array.isArray(field.value) ? field.value : [];
  const set = (itemId: string, patch: Partial<Outcome>) =>
    field.onChange(outcomes.map((o) => (o.itemId === itemId ? { ...o, ...patch } : o)));
  return (
    <Stack spacing={1.5} sx={{ mb: 2 }}>
      <Typography variant="subtitle2">{translate('guanai.plans.followUp.title')}</Typography>
      {items.map((item, i) => {
        const entry = outcomes.find((o) => o.itemId === item.id);
        const label = translate('guanai.plans.item', { n: i + 1 });
        return (
          <Paper key={item.id} variant="outlined" component="section" aria-label={label} sx={{ p: { xs: 1.5, sm: 2 } }}>
            <Stack spacing={1.5}>
              <PlanItemSummary item={item} index={i} />
              <ToggleButtonGroup
                exclusive
                size="small"
                value={entry?.outcome ?? null}
                onChange={(_e, outcome: Outcome['outcome']) => outcome && set(item.id, { outcome })}
                aria-label={translate('guanai.plans.followUp.outcomeOf', { n: i + 1 })}
                sx={{ flexWrap: 'wrap' }}
              >
                {PLAN_ITEM_OUTCOMES.map((o) => (
                  <ToggleButton key={o} value={o}>
                    {translate(`guanai.plans.outcomes.${o}`)}
                  </ToggleButton>
                ))}
              </ToggleButtonGroup>
              {isSubmitted && !entry?.outcome && (
                <Typography variant="caption" color="error">
                  {translate('guanai.plans.followUp.undecided')}
                </Typography>
              )}
              <TextField
                label={translate('guanai.plans.followUp.note')}
                value={entry?.note ?? ''}
                onChange={(e) => set(item.id, { note: e.target.value })}
                multiline
                fullWidth
                slotProps={{ htmlInput: { maxLength: 1000 } }}
              />
            </Stack>
          </Paper>
        );
      })}
      {isSubmitted && validOutcomes(outcomes) && (
        <Alert severity="error" role="alert">
          {translate(validOutcomes(outcomes)!)}
        </Alert>
      )}
    </Stack>
  );
}

/**
 * 回访 (§四(二)), the FOLLOW_UP task's form: whether the need is resolved, and what became of each
 * item of the plan (已达成 / 部分达成 / 未达成, with a note). A case without plan items (government aid
 * only, or a plan from before items) records the visit as before.
 */
export function PlanOutcomes({ caseId }: { caseId: string }) {
  const translate = useTranslate();
  const { data, isPending, error } = usePlanCase(caseId);
  if (isPending) return <LinearProgress />;
  if (error || !data) return <Alert severity="error">{translate('guanai.plans.loadFailed')}</Alert>;
  const items = data.plan?.items ?? [];
  return (
    <Stack spacing={1}>
      <BooleanInput source="resolved" label="guanai.forms.resolved" defaultValue={true} />
      {items.length > 0 && <OutcomesInput items={items} />}
      <TextInput source="note" label="guanai.forms.note" multiline fullWidth />
    </Stack>
  );
}
