import { Alert, Paper, Stack, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { DecisionChip, OutcomeChip, PlanItemSummary } from './PlanItemSummary.tsx';
import type { PlanCase } from './types.ts';

/**
 * 个性化关爱援助方案 on the case page (§四(二)): the plan's items, each with the supervisor's decision
 * and, after the follow-up visit, its outcome; the plan's summary when it has no items.
 */
export function CasePlanPanel() {
  const record = useRecordContext<PlanCase>();
  const translate = useTranslate();
  const plan = record?.plan;
  if (!plan) return null;
  const items = plan.items ?? [];
  // Sent back and not yet resubmitted: the case is drafting again.
  const lastReturn = record.state === 'planning.drafting' ? plan.returns.at(-1) : undefined;
  return (
    <Paper
      variant="outlined"
      component="section"
      aria-label={translate('guanai.plans.title')}
      sx={{ p: { xs: 1.5, sm: 2 } }}
    >
      <Stack spacing={1.5}>
        <Typography variant="h6" component="h2">
          {translate('guanai.plans.title')}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {plan.approvedAt
            ? translate('guanai.plans.status.approved', { at: new Date(plan.approvedAt).toLocaleDateString('zh-CN') })
            : lastReturn
              ? translate('guanai.plans.status.returned')
              : translate('guanai.plans.status.submitted')}
        </Typography>
        {lastReturn && (
          <Alert severity="warning">{translate('guanai.plans.editor.returned', { reason: lastReturn.reason })}</Alert>
        )}
        {items.length === 0 ? (
          <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
            {plan.summary}
          </Typography>
        ) : (
          items.map((item, i) => (
            <Stack
              key={item.id}
              spacing={1}
              sx={{ borderTop: i ? 1 : 0, borderColor: 'divider', pt: i ? 1.5 : 0 }}
              component="article"
              aria-label={translate('guanai.plans.item', { n: i + 1 })}
            >
              <PlanItemSummary item={item} index={i} />
              <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
                <DecisionChip item={item} />
                <OutcomeChip item={item} />
              </Stack>
            </Stack>
          ))
        )}
      </Stack>
    </Paper>
  );
}
