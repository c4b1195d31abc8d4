import { MenuItem, TextField, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { approvedItems, type PlanCase, type TPlanItem } from './types.ts';

/** The case's approved plan items for a need category (§四(二): matching starts from the plan). */
export function usePlanItemsFor(category: string | undefined): TPlanItem[] {
  const record = useRecordContext<PlanCase>();
  return approvedItems(record?.plan).filter((item) => item.needCategory === category);
}

/** Under a need on the matching panel: the approved plan items that answer it, to start from. */
export function NeedPlanItems({ category }: { category: string }) {
  const translate = useTranslate();
  const items = usePlanItemsFor(category);
  if (items.length === 0) return null;
  return (
    <div>
      <Typography variant="subtitle2">{translate('guanai.plans.matching.items')}</Typography>
      {items.map((item) => (
        <Typography key={item.id} variant="body2" color="text.secondary">
          {item.goal} · {item.action} · {item.responsible.name} · {item.targetDate}
        </Typography>
      ))}
    </div>
  );
}

/** In the proposal dialog: which approved plan item the proposal answers (none when the plan has no items). */
export function PlanItemPicker({
  category,
  value,
  onChange,
}: {
  category: string | undefined;
  value: string;
  onChange: (planItemId: string) => void;
}) {
  const translate = useTranslate();
  const items = usePlanItemsFor(category);
  if (items.length === 0) return null;
  return (
    <TextField
      select
      label={translate('guanai.plans.matching.pick')}
      value={items.some((i) => i.id === value) ? value : ''}
      onChange={(e) => onChange(e.target.value)}
      helperText={translate('guanai.plans.matching.pickHelp')}
    >
      <MenuItem value="">{translate('guanai.plans.matching.none')}</MenuItem>
      {items.map((item) => (
        <MenuItem key={item.id} value={item.id} sx={{ whiteSpace: 'normal' }}>
          {item.goal}（{item.responsible.name}，{item.targetDate}）
        </MenuItem>
      ))}
    </TextField>
  );
}
