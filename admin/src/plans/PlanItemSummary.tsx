import { Chip, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { TPlanItem } from './types.ts';

/** The supervisor's decision on an item, as a chip: 已批准 / 已退回（理由）/ 待审批. */
export function DecisionChip({ item }: { item: TPlanItem }) {
  const translate = useTranslate();
  const decision = item.decision;
  if (!decision) return <Chip size="small" variant="outlined" label={translate('guanai.plans.decision.pending')} />;
  return decision.approved ? (
    <Chip size="small" color="success" label={translate('guanai.plans.decision.approved')} />
  ) : (
    <Chip
      size="small"
      color="warning"
      label={translate('guanai.plans.decision.returnedWith', { reason: decision.reason ?? '' })}
      sx={{ maxWidth: '100%', height: 'auto', '& .MuiChip-label': { whiteSpace: 'normal', py: 0.25 } }}
    />
  );
}

/** What the follow-up visit found of an item, as a chip with its note. */
export function OutcomeChip({ item }: { item: TPlanItem }) {
  const translate = useTranslate();
  if (!item.outcome) return null;
  const { outcome, note } = item.outcome;
  const label = translate(`guanai.plans.outcomes.${outcome}`, { _: outcome });
  return (
    <Chip
      size="small"
      color={outcome === 'ACHIEVED' ? 'success' : outcome === 'PARTLY' ? 'info' : 'error'}
      variant="outlined"
      label={note ? `${label}：${note}` : label}
      sx={{ maxWidth: '100%', height: 'auto', '& .MuiChip-label': { whiteSpace: 'normal', py: 0.25 } }}
    />
  );
}

/** One item in words: 第 n 项 · need — goal; action; who is responsible; by when. */
export function PlanItemSummary({ item, index }: { item: TPlanItem; index: number }) {
  const translate = useTranslate();
  return (
    <Stack spacing={0.5} sx={{ minWidth: 0 }}>
      <Typography variant="subtitle2" component="h4">
        {translate('guanai.plans.item', { n: index + 1 })} ·{' '}
        {translate(`guanai.categories.${item.needCategory}`, { _: item.needCategory })}：{item.goal}
      </Typography>
      <Typography variant="body2">
        {translate('guanai.plans.fields.action')}：{item.action}
        {item.resourceKind
          ? `（${translate(`guanai.matching.kinds.${item.resourceKind}`, { _: item.resourceKind })}）`
          : ''}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {translate('guanai.plans.fields.responsible')}：{item.responsible.name}（
        {translate(`guanai.plans.responsibleKinds.${item.responsible.kind}`)}） ·{' '}
        {translate('guanai.plans.fields.targetDate')}：{item.targetDate}
      </Typography>
    </Stack>
  );
}
