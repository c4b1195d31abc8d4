import type { TCaseEligibility } from '@guanai/api/types';
import { Chip, Paper, Stack, Typography, type ChipProps } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { useCan } from '../providers/useCan.ts';
import { useCaseEligibility } from './useCaseEligibility.ts';

type Referral = TCaseEligibility['referrals'][number];

const OUTCOME_COLOR: Record<Referral['outcome'], ChipProps['color']> = {
  PENDING: 'warning',
  GRANTED: 'success',
  DENIED: 'default',
};

/**
 * §二 无缝衔接 on the case page: each government-scheme referral with its receiving department, date,
 * reference number and outcome (the MONITOR task records outcomes), and the screening's overrides of
 * the eligibility suggestions with their reasons. Shown once the case has been screened.
 */
export function CaseReferrals() {
  const record = useRecordContext<{ id: string }>();
  const can = useCan();
  const allowed = can('GET /api/cases/:id/eligibility');
  const { data } = useCaseEligibility(record?.id ?? '', allowed);
  const translate = useTranslate();
  if (!record || !allowed || !data || (data.referrals.length === 0 && !data.screening)) return null;
  const screening = data.screening;
  const overridden =
    screening?.decisions.flatMap((decision) => {
      const suggestion = screening.suggestions.find((s) => s.scheme === decision.scheme);
      return suggestion && decision.overrideReason ? [{ decision, suggestion }] : [];
    }) ?? [];
  const scheme = (code: string) => translate(`guanai.schemes.${code}`, { _: code });
  return (
    <Paper
      variant="outlined"
      component="section"
      aria-label={translate('guanai.eligibility.referrals.title')}
      sx={{ p: { xs: 1.5, sm: 2 } }}
    >
      <Stack spacing={1.5}>
        <Typography variant="h6" component="h2">
          {translate('guanai.eligibility.referrals.title')}
        </Typography>
        {data.referrals.length === 0 && (
          <Typography variant="body2">{translate('guanai.eligibility.referrals.none')}</Typography>
        )}
        {data.referrals.map((referral) => (
          <Stack
            key={referral.scheme}
            data-testid={`referral-${referral.scheme}`}
            spacing={0.5}
            sx={{ borderTop: 1, borderColor: 'divider', pt: 1 }}
          >
            <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
              <Typography variant="subtitle2" component="h3">
                {scheme(referral.scheme)}
              </Typography>
              <Chip
                size="small"
                color={OUTCOME_COLOR[referral.outcome]}
                label={`${translate('guanai.eligibility.referrals.outcome')}：${translate(
                  `guanai.eligibility.referrals.outcomes.${referral.outcome}`,
                )}`}
              />
            </Stack>
            <Typography variant="body2" sx={{ wordBreak: 'break-word' }}>
              {translate('guanai.eligibility.details.department')}：{referral.department ?? '—'} ·{' '}
              {translate('guanai.eligibility.details.referredOn')}：{referral.referredOn ?? '—'} ·{' '}
              {translate('guanai.eligibility.details.referenceNo')}：{referral.referenceNo ?? '—'}
            </Typography>
          </Stack>
        ))}
        {overridden.map(({ decision, suggestion }) => (
          <Typography key={decision.scheme} variant="body2" color="text.secondary" sx={{ wordBreak: 'break-word' }}>
            {scheme(decision.scheme)} ·{' '}
            {translate('guanai.eligibility.referrals.overridden', {
              verdict: translate(`guanai.eligibility.panel.verdicts.${suggestion.eligible}`),
              decision: translate(
                decision.refer ? 'guanai.eligibility.panel.refer' : 'guanai.eligibility.panel.noRefer',
              ),
              reason: decision.overrideReason,
            })}
          </Typography>
        ))}
      </Stack>
    </Paper>
  );
}
