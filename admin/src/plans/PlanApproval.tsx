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
import { DecisionChip, PlanItemSummary } from './PlanItemSummary.tsx';
import { usePlanCase, type TPlanItem } from './types.ts';

interface Decision {
  itemId: string;
  approved: boolean | null;
  reason?: string;
}

/** Every item decided, and every returned one with its reason (the API asks the same). */
const validDecisions = (value: unknown) => {
  const decisions = (Array.isArray(value) ? value : []) as Decision[];
  if (decisions.some((d) => d.approved === null)) return 'guanai.plans.approval.undecided';
  if (decisions.some((d) => d.approved === false && !d.reason?.trim())) return 'guanai.plans.approval.reasonRequired';
  return undefined;
};

function ItemDecision({
  item,
  index,
  decision,
  showErrors,
  onChange,
}: {
  item: TPlanItem;
  index: number;
  decision: Decision;
  showErrors: boolean;
  onChange: (next: Decision) => void;
}) {
  const translate = useTranslate();
  const label = translate('guanai.plans.item', { n: index + 1 });
  const keptApproval = item.decision?.approved === true;
  return (
    <Paper variant="outlined" component="section" aria-label={label} sx={{ p: { xs: 1.5, sm: 2 } }}>
      <Stack spacing={1.5}>
        <PlanItemSummary item={item} index={index} />
        {item.decision && (
          <div>
            {keptApproval ? (
              <Typography variant="caption" color="text.secondary">
                {translate('guanai.plans.decision.approvedBefore')}
              </Typography>
            ) : (
              <DecisionChip item={item} />
            )}
          </div>
        )}
        <ToggleButtonGroup
          exclusive
          size="small"
          value={decision.approved === null ? null : decision.approved ? 'approve' : 'return'}
          onChange={(_e, choice: 'approve' | 'return' | null) => {
            if (choice === null) return;
            const { reason, ...rest } = decision;
            onChange(
              choice === 'approve'
                ? { ...rest, approved: true }
                : { ...rest, approved: false, ...(reason ? { reason } : {}) },
            );
          }}
          aria-label={translate('guanai.plans.approval.decide', { n: index + 1 })}
          color={decision.approved === false ? 'warning' : 'success'}
        >
          <ToggleButton value="approve">{translate('guanai.plans.approval.approve')}</ToggleButton>
          <ToggleButton value="return">{translate('guanai.plans.approval.return')}</ToggleButton>
        </ToggleButtonGroup>
        {decision.approved === null && showErrors && (
          <Typography variant="caption" color="error">
            {translate('guanai.plans.approval.undecided')}
          </Typography>
        )}
        {decision.approved === false && (
          <TextField
            label={translate('guanai.plans.approval.reason', { n: index + 1 })}
            value={decision.reason ?? ''}
            onChange={(e) => onChange({ ...decision, reason: e.target.value })}
            error={showErrors && !decision.reason?.trim()}
            multiline
            fullWidth
            slotProps={{ htmlInput: { maxLength: 1000 } }}
          />
        )}
      </Stack>
    </Paper>
  );
}

/** The decisions as one form value (`items`): an item approved earlier and unchanged starts approved. */
function DecisionsInput({ items }: { items: TPlanItem[] }) {
  const translate = useTranslate();
  const { isSubmitted } = useFormState();
  const { field } = useInput<Decision[]>({
    source: 'items',
    defaultValue: items.map((item) => ({ itemId: item.id, approved: item.decision?.approved === true ? true : null })),
    validate: validDecisions,
  });
  const decisions: Decision[] = Array.isArray(field.value) ? field.value : [];
  const returned = decisions.filter((d) => d.approved === false).length;
  // The form does not send while this stands (useInput's validate); after a try, it says why.
  const problem = isSubmitted ? validDecisions(decisions) : undefined;
  return (
    <Stack spacing={1.5} sx={{ mb: 2 }}>
      {items.map((item, i) => (
        <ItemDecision
          key={item.id}
          item={item}
          index={i}
          decision={decisions.find((d) => d.itemId === item.id) ?? { itemId: item.id, approved: null }}
          showErrors={isSubmitted}
          onChange={(next) => field.onChange(decisions.map((d) => (d.itemId === item.id ? next : d)))}
        />
      ))}
      {problem && (
        <Alert severity="error" role="alert">
          {translate(problem)}
        </Alert>
      )}
      <Alert severity={returned ? 'warning' : 'info'} role="status">
        {returned
          ? translate('guanai.plans.approval.willReturn', { count: returned })
          : translate('guanai.plans.approval.willApprove')}
      </Alert>
    </Stack>
  );
}

/**
 * 方案审批 (§四(二)), the APPROVE_PLAN task's form: each item of the plan with 批准 / 退回 and a
 * reason for each one returned. The plan is approved when every item is; one returned item returns
 * it to drafting with the items' reasons. A plan without items is approved or returned as a whole.
 */
export function PlanApproval({ caseId }: { caseId: string }) {
  const translate = useTranslate();
  const { data, isPending, error } = usePlanCase(caseId);
  if (isPending) return <LinearProgress />;
  if (error || !data) return <Alert severity="error">{translate('guanai.plans.loadFailed')}</Alert>;
  const plan = data.plan;
  return (
    <Stack spacing={1}>
      {plan && (
        <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
          {translate('guanai.plans.fields.summary')}：{plan.summary}
        </Typography>
      )}
      {plan?.items?.length ? (
        <>
          <DecisionsInput items={plan.items} />
          <TextInput source="reason" label="guanai.plans.approval.overall" multiline fullWidth />
        </>
      ) : (
        <>
          <BooleanInput source="approved" label="guanai.forms.approved" defaultValue={true} />
          <TextInput source="reason" label="guanai.forms.reason" multiline fullWidth />
        </>
      )}
    </Stack>
  );
}
