import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import {
  Alert,
  Autocomplete,
  Button,
  Chip,
  IconButton,
  LinearProgress,
  MenuItem,
  Paper,
  Stack,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import { PLAN_RESPONSIBLE_KINDS, RESOURCE_KINDS, type NeedCategory } from '@guanai/workflows/vocabulary';
import { useState } from 'react';
import { TextInput, useGetList, useInput, useTranslate } from 'react-admin';
import { useFormState } from 'react-hook-form';
import { newItemId, usePlanCase, type PlanItemDraft, type TPlanItem } from './types.ts';

const MAX_ITEMS = 20;

interface Named {
  id: string;
  name: string;
  active?: boolean;
}

/** An item is complete when every required field is filled: the API checks the same (plan-forms.types.ts). */
const incomplete = (item: PlanItemDraft) =>
  !item.needCategory || !item.goal.trim() || !item.action.trim() || !item.responsible.id || !item.targetDate;

const validItems = (items: unknown) =>
  !Array.isArray(items) || items.length === 0
    ? 'guanai.plans.editor.atLeastOne'
    : (items as PlanItemDraft[]).some(incomplete)
      ? 'guanai.plans.editor.incomplete'
      : undefined;

/** The item as the form sends it again: its decision and outcome are the case's, not the drafter's. */
const draftOf = ({ decision: _d, outcome: _o, ...item }: TPlanItem): PlanItemDraft => item;

const blank = (needCategory: string): PlanItemDraft => ({
  id: newItemId(),
  needCategory: needCategory as NeedCategory,
  goal: '',
  action: '',
  responsible: { kind: 'UNIT', id: '', name: '' },
  targetDate: '',
});

/** 责任方: an org unit (searched by name) or a partner (all of them, filtered here). */
function ResponsiblePicker({
  value,
  onChange,
  error,
}: {
  value: PlanItemDraft['responsible'];
  onChange: (next: PlanItemDraft['responsible']) => void;
  error: boolean;
}) {
  const translate = useTranslate();
  const [search, setSearch] = useState('');
  const unit = value.kind === 'UNIT';
  const { data = [], isPending } = useGetList<Named>(unit ? 'org-units' : 'partners', {
    pagination: { page: 1, perPage: unit ? 20 : 200 },
    sort: unit ? { field: 'code', order: 'ASC' } : { field: 'name', order: 'ASC' },
    filter: unit && search.trim() ? { q: search.trim() } : {},
  });
  const options = unit ? data : data.filter((p) => p.active !== false);
  const selected = value.id ? { id: value.id, name: value.name } : null;
  return (
    <Stack spacing={1} sx={{ flex: 1, minWidth: 0 }}>
      <ToggleButtonGroup
        exclusive
        size="small"
        value={value.kind}
        onChange={(_e, kind: PlanItemDraft['responsible']['kind'] | null) =>
          kind && kind !== value.kind && onChange({ kind, id: '', name: '' })
        }
        aria-label={translate('guanai.plans.fields.responsibleKind')}
      >
        {PLAN_RESPONSIBLE_KINDS.map((kind) => (
          <ToggleButton key={kind} value={kind}>
            {translate(`guanai.plans.responsibleKinds.${kind}`)}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      <Autocomplete<Named>
        options={selected && !options.some((o) => o.id === selected.id) ? [selected, ...options] : options}
        value={selected}
        loading={isPending}
        getOptionLabel={(o) => o.name}
        isOptionEqualToValue={(a, b) => a.id === b.id}
        filterOptions={unit ? (x) => x : undefined}
        onInputChange={(_e, text, reason) => reason === 'input' && setSearch(text)}
        onChange={(_e, picked) => onChange({ kind: value.kind, id: picked?.id ?? '', name: picked?.name ?? '' })}
        renderInput={(params) => (
          <TextField
            {...params}
            label={translate('guanai.plans.fields.responsible')}
            error={error}
            helperText={translate(unit ? 'guanai.plans.editor.unitHelp' : 'guanai.plans.editor.partnerHelp')}
          />
        )}
      />
    </Stack>
  );
}

function ItemRow({
  index,
  item,
  needs,
  earlier,
  showErrors,
  onChange,
  onRemove,
}: {
  index: number;
  item: PlanItemDraft;
  needs: readonly string[];
  earlier: TPlanItem | undefined;
  showErrors: boolean;
  onChange: (next: PlanItemDraft) => void;
  onRemove: (() => void) | null;
}) {
  const translate = useTranslate();
  const set = (patch: Partial<PlanItemDraft>) => onChange({ ...item, ...patch });
  const missing = (value: string) => showErrors && !value.trim();
  const label = translate('guanai.plans.item', { n: index + 1 });
  return (
    <Paper variant="outlined" component="section" aria-label={label} sx={{ p: { xs: 1.5, sm: 2 } }}>
      <Stack spacing={1.5}>
        <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography variant="subtitle2" sx={{ flex: 1 }}>
            {label}
          </Typography>
          {earlier?.decision && (
            <Chip
              size="small"
              color={earlier.decision.approved ? 'success' : 'warning'}
              label={
                earlier.decision.approved
                  ? translate('guanai.plans.decision.approvedBefore')
                  : translate('guanai.plans.decision.returnedWith', { reason: earlier.decision.reason ?? '' })
              }
            />
          )}
          {onRemove && (
            <IconButton
              size="small"
              onClick={onRemove}
              aria-label={translate('guanai.plans.editor.remove', { n: index + 1 })}
            >
              <DeleteIcon fontSize="small" />
            </IconButton>
          )}
        </Stack>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5}>
          <TextField
            select
            label={translate('guanai.plans.fields.needCategory')}
            value={item.needCategory}
            onChange={(e) => set({ needCategory: e.target.value as NeedCategory })}
            sx={{ minWidth: 160 }}
          >
            {needs.map((category) => (
              <MenuItem key={category} value={category}>
                {translate(`guanai.categories.${category}`, { _: category })}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            label={translate('guanai.plans.fields.goal')}
            value={item.goal}
            onChange={(e) => set({ goal: e.target.value })}
            error={missing(item.goal)}
            fullWidth
            slotProps={{ htmlInput: { maxLength: 500 } }}
          />
        </Stack>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5}>
          <TextField
            label={translate('guanai.plans.fields.action')}
            value={item.action}
            onChange={(e) => set({ action: e.target.value })}
            error={missing(item.action)}
            multiline
            fullWidth
            slotProps={{ htmlInput: { maxLength: 500 } }}
          />
          <TextField
            select
            label={translate('guanai.plans.fields.resourceKind')}
            value={item.resourceKind ?? ''}
            onChange={(e) => {
              const { resourceKind: _r, ...rest } = item;
              onChange(e.target.value ? { ...rest, resourceKind: e.target.value } : rest);
            }}
            sx={{ minWidth: 160 }}
          >
            <MenuItem value="">{translate('guanai.plans.editor.noResourceKind')}</MenuItem>
            {RESOURCE_KINDS.map((kind) => (
              <MenuItem key={kind} value={kind}>
                {translate(`guanai.matching.kinds.${kind}`, { _: kind })}
              </MenuItem>
            ))}
          </TextField>
        </Stack>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5} sx={{ alignItems: { sm: 'flex-start' } }}>
          <ResponsiblePicker
            value={item.responsible}
            onChange={(responsible) => set({ responsible })}
            error={showErrors && !item.responsible.id}
          />
          <TextField
            type="date"
            label={translate('guanai.plans.fields.targetDate')}
            value={item.targetDate}
            onChange={(e) => set({ targetDate: e.target.value })}
            error={missing(item.targetDate)}
            slotProps={{ inputLabel: { shrink: true } }}
            sx={{ minWidth: 170 }}
          />
        </Stack>
      </Stack>
    </Paper>
  );
}

/** The items as one form value (`items`), each row a need's goal, action, who is responsible and by when. */
function ItemsInput({ needs, earlier }: { needs: readonly string[]; earlier: TPlanItem[] }) {
  const translate = useTranslate();
  const { isSubmitted } = useFormState();
  const { field } = useInput<PlanItemDraft[]>({
    source: 'items',
    defaultValue: earlier.length ? earlier.map(draftOf) : needs.map(blank),
    validate: validItems,
  });
  const items: PlanItemDraft[] = Array.isArray(field.value) ? field.value : [];
  const replace = (next: PlanItemDraft[]) => field.onChange(next);
  return (
    <Stack spacing={1.5} sx={{ mb: 2 }}>
      {items.map((item, i) => (
        <ItemRow
          key={item.id}
          index={i}
          item={item}
          needs={needs}
          earlier={earlier.find((e) => e.id === item.id)}
          showErrors={isSubmitted}
          onChange={(next) => replace(items.map((it, j) => (j === i ? next : it)))}
          onRemove={items.length > 1 ? () => replace(items.filter((_it, j) => j !== i)) : null}
        />
      ))}
      {isSubmitted && validItems(items) && (
        <Alert severity="error" role="alert">
          {translate(validItems(items)!)}
        </Alert>
      )}
      <div>
        <Button
          startIcon={<AddIcon />}
          disabled={items.length >= MAX_ITEMS}
          onClick={() => replace([...items, blank(needs[0] ?? 'OTHER')])}
        >
          {translate('guanai.plans.editor.add')}
        </Button>
      </div>
    </Stack>
  );
}

/**
 * 个性化关爱援助方案 (§四(二)) as the PLAN task's form: one row per item, each answering one of the
 * current assessment's needs, with its goal, the resource or action, who is responsible (an org unit
 * or a partner) and a target date. A plan sent back comes again with its items and the supervisor's
 * decision on each (an unchanged approved item keeps its approval).
 */
export function PlanEditor({ caseId }: { caseId: string }) {
  const translate = useTranslate();
  const { data, isPending, error } = usePlanCase(caseId);
  if (isPending) return <LinearProgress />;
  if (error || !data) return <Alert severity="error">{translate('guanai.plans.loadFailed')}</Alert>;
  const needs = [...new Set((data.assessedNeeds ?? []).map((n) => n.category))];
  const plan = data.plan;
  const lastReturn = plan?.approvedAt === null ? plan.returns.at(-1) : undefined;
  return (
    <Stack spacing={1}>
      {lastReturn && (
        <Alert severity="warning">{translate('guanai.plans.editor.returned', { reason: lastReturn.reason })}</Alert>
      )}
      <Typography variant="body2" color="text.secondary">
        {translate('guanai.plans.editor.help')}
      </Typography>
      <ItemsInput
        needs={needs.length ? needs : ['OTHER']}
        earlier={plan?.approvedAt === null ? (plan.items ?? []) : []}
      />
      <TextInput
        source="summary"
        label="guanai.plans.fields.summary"
        helperText="guanai.plans.editor.summaryHelp"
        // A summary written by hand comes back; one the API derived from the items is derived again.
        defaultValue={plan?.approvedAt === null && !plan.items ? plan.summary : undefined}
        multiline
        fullWidth
      />
      <TextInput source="note" label="guanai.forms.note" multiline fullWidth />
    </Stack>
  );
}
