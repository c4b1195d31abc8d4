import type { TCaseEligibility } from '@guanai/api/types';
import type { GovScheme } from '@guanai/workflows/vocabulary';
import {
  Alert,
  Chip,
  Paper,
  Stack,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
  type ChipProps,
} from '@mui/material';
import { useEffect, useMemo, useState } from 'react';
import { useTranslate } from 'react-admin';
import { useController, useFormContext, useFormState, useWatch } from 'react-hook-form';
import { HouseholdFactsButton } from './HouseholdFactsButton.tsx';
import { useCaseEligibility } from './useCaseEligibility.ts';

type Suggestion = TCaseEligibility['suggestions'][number];
interface Detail {
  department: string;
  referredOn: string;
  referenceNo: string;
}

const VERDICT_COLOR: Record<Suggestion['eligible'], ChipProps['color']> = {
  YES: 'success',
  NO: 'default',
  UNKNOWN: 'warning',
};

/** Referring where the suggestion says NO, or not where it says YES: the worker overrides it and says why. */
const overrides = (s: Suggestion, refer: boolean) => (s.eligible === 'YES' && !refer) || (s.eligible === 'NO' && refer);

const beijingToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

const money = (value: number | null, unknown: string) =>
  value === null
    ? unknown
    : `¥${value.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/**
 * §二 无缝衔接: beside the SCREEN form, each scheme's suggestion with its reasons (computed by the API
 * from the household against the standards in force), a refer / do-not-refer choice that sets the
 * form's referrals, a reason where the worker decides against the suggestion, and the department,
 * date and reference number of each referral. Writes `eligibility.decisions` and `referralDetails`
 * into the form; the API recomputes the suggestions itself when the task is completed.
 */
export function EligibilityPanel({ caseId }: { caseId: string }) {
  const translate = useTranslate();
  const { data, isPending, error } = useCaseEligibility(caseId);
  const { setValue } = useFormContext();
  const referrals = (useWatch({ name: 'referrals' }) as GovScheme[] | undefined) ?? [];
  const [reasons, setReasons] = useState<Partial<Record<GovScheme, string>>>({});
  const [details, setDetails] = useState<Partial<Record<GovScheme, Detail>>>({});
  const suggestions = useMemo(() => data?.suggestions ?? [], [data]);
  const { errors } = useFormState({ name: ['eligibility', 'referralDetails'] });
  const reasonError = errors.eligibility?.message;
  const detailsError = errors.referralDetails?.message;

  const eligibility = useController({
    name: 'eligibility',
    rules: {
      validate: () =>
        suggestions.every((s) => !overrides(s, referrals.includes(s.scheme)) || reasons[s.scheme]?.trim())
          ? true
          : 'guanai.eligibility.panel.reasonRequired',
    },
  });
  const detailsField = useController({
    name: 'referralDetails',
    rules: {
      validate: () => {
        const given = referrals.filter((s) => details[s]?.department.trim());
        const missing = referrals.filter((s) => !details[s]?.department.trim() || !details[s]?.referredOn);
        return given.length === 0 || missing.length === 0
          ? true
          : translate('guanai.eligibility.details.missing', {
              schemes: missing.map((s) => translate(`guanai.schemes.${s}`)).join('、'),
            });
      },
    },
  });

  // The form's values follow the choices: a decision per suggestion, details for the referred schemes filled in.
  const { onChange: setEligibility } = eligibility.field;
  const { onChange: setReferralDetails } = detailsField.field;
  useEffect(() => {
    setEligibility(
      suggestions.length
        ? {
            decisions: suggestions.map((s) => {
              const reason = reasons[s.scheme]?.trim();
              return {
                scheme: s.scheme,
                refer: referrals.includes(s.scheme),
                ...(reason ? { overrideReason: reason } : {}),
              };
            }),
          }
        : undefined,
    );
    const rows = referrals
      .filter((scheme) => details[scheme]?.department.trim())
      .map((scheme) => {
        const d = details[scheme]!;
        return {
          scheme,
          department: d.department.trim(),
          referredOn: d.referredOn,
          ...(d.referenceNo.trim() ? { referenceNo: d.referenceNo.trim() } : {}),
        };
      });
    setReferralDetails(rows.length ? rows : undefined);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `referrals` is a new array each render; its content is the key
  }, [suggestions, reasons, details, referrals.join(','), setEligibility, setReferralDetails]);

  const choose = (scheme: GovScheme, refer: boolean) =>
    setValue('referrals', refer ? [...new Set([...referrals, scheme])] : referrals.filter((s) => s !== scheme), {
      shouldDirty: true,
    });
  const detailOf = (scheme: GovScheme): Detail =>
    details[scheme] ?? { department: '', referredOn: beijingToday(), referenceNo: '' };
  const setDetail = (scheme: GovScheme, change: Partial<Detail>) =>
    setDetails((all) => ({ ...all, [scheme]: { ...detailOf(scheme), ...change } }));

  const area = data?.districtName ?? translate('guanai.eligibility.city');
  const unknown = translate('guanai.eligibility.panel.unknown');
  return (
    <Paper
      variant="outlined"
      component="section"
      aria-label={translate('guanai.eligibility.panel.title')}
      sx={{ p: { xs: 1.5, sm: 2 }, mb: 2, width: '100%', boxSizing: 'border-box' }}
    >
      <Stack spacing={1.5}>
        <Typography variant="subtitle1" component="h2">
          {translate('guanai.eligibility.panel.title')}
        </Typography>
        {isPending ? (
          <Typography variant="body2">{translate('guanai.eligibility.panel.loading')}</Typography>
        ) : error || !data ? (
          <Alert severity="info">{translate('guanai.eligibility.panel.failed')}</Alert>
        ) : (
          <>
            <Typography variant="body2" color="text.secondary">
              {translate('guanai.eligibility.panel.help', { date: data.date, area })}
            </Typography>
            <Typography variant="body2">
              {translate('guanai.eligibility.panel.household', {
                members: data.household.members,
                income: money(data.household.monthlyIncome, unknown),
                assets: money(data.household.assets, unknown),
              })}
            </Typography>
            <HouseholdFactsButton caseId={caseId} eligibility={data} />
            {suggestions.length === 0 && <Alert severity="info">{translate('guanai.eligibility.panel.none')}</Alert>}
            {suggestions.map((s) => {
              const refer = referrals.includes(s.scheme);
              const name = translate(`guanai.schemes.${s.scheme}`, { _: s.scheme });
              return (
                <Stack
                  key={s.scheme}
                  spacing={1}
                  data-testid={`suggestion-${s.scheme}`}
                  sx={{ borderTop: 1, borderColor: 'divider', pt: 1.5 }}
                >
                  <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                    <Typography variant="subtitle2" component="h3">
                      {name}
                    </Typography>
                    <Chip
                      size="small"
                      color={VERDICT_COLOR[s.eligible]}
                      label={translate(`guanai.eligibility.panel.verdicts.${s.eligible}`)}
                    />
                  </Stack>
                  <Stack component="ul" spacing={0.5} sx={{ m: 0, pl: 2.5 }}>
                    {s.reasons.map((reason) => (
                      <Typography component="li" variant="body2" key={reason} sx={{ wordBreak: 'break-word' }}>
                        {reason}
                      </Typography>
                    ))}
                  </Stack>
                  <ToggleButtonGroup
                    exclusive
                    size="small"
                    color="primary"
                    value={refer ? 'refer' : 'no'}
                    onChange={(_e, value: string | null) => value && choose(s.scheme, value === 'refer')}
                    // Named apart from the form's own checkbox of the scheme, which has the scheme's name.
                    aria-label={`${name}：${translate('guanai.eligibility.panel.title')}`}
                  >
                    <ToggleButton value="refer" sx={{ minWidth: 88, minHeight: 44 }}>
                      {translate('guanai.eligibility.panel.refer')}
                    </ToggleButton>
                    <ToggleButton value="no" sx={{ minWidth: 88, minHeight: 44 }}>
                      {translate('guanai.eligibility.panel.noRefer')}
                    </ToggleButton>
                  </ToggleButtonGroup>
                  {overrides(s, refer) && (
                    <TextField
                      fullWidth
                      multiline
                      size="small"
                      label={`${name} · ${translate('guanai.eligibility.panel.override')}`}
                      helperText={translate('guanai.eligibility.panel.overrideHelp')}
                      error={Boolean(reasonError) && !reasons[s.scheme]?.trim()}
                      value={reasons[s.scheme] ?? ''}
                      onChange={(e) => setReasons((all) => ({ ...all, [s.scheme]: e.target.value }))}
                      slotProps={{ htmlInput: { maxLength: 500 } }}
                    />
                  )}
                </Stack>
              );
            })}
            {typeof reasonError === 'string' && <Alert severity="error">{translate(reasonError)}</Alert>}
          </>
        )}
        {referrals.length > 0 && (
          <Stack spacing={1.5} sx={{ borderTop: 1, borderColor: 'divider', pt: 1.5 }}>
            <Typography variant="subtitle2" component="h3">
              {translate('guanai.eligibility.details.title')}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {translate('guanai.eligibility.details.help')}
            </Typography>
            {referrals.map((scheme) => {
              const d = detailOf(scheme);
              const name = translate(`guanai.schemes.${scheme}`, { _: scheme });
              return (
                <Stack key={scheme} direction={{ xs: 'column', sm: 'row' }} spacing={1} useFlexGap>
                  <TextField
                    size="small"
                    label={`${name} · ${translate('guanai.eligibility.details.department')}`}
                    placeholder={translate(`guanai.eligibility.details.departments.${scheme}`)}
                    value={d.department}
                    onChange={(e) => setDetail(scheme, { department: e.target.value })}
                    slotProps={{ htmlInput: { maxLength: 100 } }}
                    sx={{ flex: 2 }}
                  />
                  <TextField
                    size="small"
                    type="date"
                    label={`${name} · ${translate('guanai.eligibility.details.referredOn')}`}
                    value={d.referredOn}
                    onChange={(e) => setDetail(scheme, { referredOn: e.target.value })}
                    slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: beijingToday() } }}
                    sx={{ flex: 1 }}
                  />
                  <TextField
                    size="small"
                    label={`${name} · ${translate('guanai.eligibility.details.referenceNo')}`}
                    value={d.referenceNo}
                    onChange={(e) => setDetail(scheme, { referenceNo: e.target.value })}
                    slotProps={{ htmlInput: { maxLength: 60 } }}
                    sx={{ flex: 1 }}
                  />
                </Stack>
              );
            })}
            {typeof detailsError === 'string' && <Alert severity="error">{detailsError}</Alert>}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
