import type { TPublicApplicationStatus } from '@guanai/api/types';
import { Alert, AlertTitle, Box, Button, Card, CardContent, Chip, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { beijing } from '../format.ts';
import { useLang } from '../i18n.tsx';
import { callApi, minutesOf, PublicApiError, rememberedReferences } from './api.ts';

/** A reference as typed: spaces gone, letters capital (SQ-7K3M9Q2XHP). */
const normalise = (typed: string) => typed.replace(/\s+/g, '').toUpperCase();

const SEVERITY = { SUBMITTED: 'info', ACCEPTED: 'success', DECLINED: 'warning' } as const;
const MORE = { SUBMITTED: 'submittedMore', ACCEPTED: 'acceptedMore', DECLINED: 'declinedMore' } as const;

function Answer({ status }: { status: TPublicApplicationStatus }) {
  const { t, lang } = useLang();
  return (
    <Alert severity={SEVERITY[status.status]} sx={{ fontSize: 16 }} aria-live="polite">
      <AlertTitle sx={{ fontSize: 18, fontWeight: 600, whiteSpace: 'pre-wrap' }}>
        {t(`status.words.${status.status}`, { reason: status.declineReason ?? '' })}
      </AlertTitle>
      <Typography sx={{ mb: 1 }}>{t(`status.${MORE[status.status]}`)}</Typography>
      <Typography variant="body2">
        {t('status.reference')}：{status.reference}
      </Typography>
      <Typography variant="body2">
        {t('status.submittedAt')}：{beijing(status.submittedAt, lang)}
      </Typography>
      {status.decidedAt && (
        <Typography variant="body2">
          {t('status.decidedAt')}：{beijing(status.decidedAt, lang)}
        </Typography>
      )}
    </Alert>
  );
}

/** 查询进度 (apply.html#status): the answer to an application, read with its reference and nothing else. */
export function StatusView({ onApply }: { onApply: () => void }) {
  const { t } = useLang();
  const remembered = rememberedReferences();
  const [reference, setReference] = useState(remembered[0] ?? '');
  const [checking, setChecking] = useState(false);
  const [answer, setAnswer] = useState<
    { kind: 'found'; status: TPublicApplicationStatus } | { kind: 'message'; title: string; more?: string } | null
  >(null);
  const [invalid, setInvalid] = useState(false);
  const check = async (typed = reference) => {
    const wanted = normalise(typed);
    setReference(wanted);
    if (!wanted) return setInvalid(true);
    setInvalid(false);
    setChecking(true);
    try {
      const status = await callApi<TPublicApplicationStatus>(`/api/public/applications/${encodeURIComponent(wanted)}`);
      setAnswer({ kind: 'found', status });
    } catch (error) {
      if (error instanceof PublicApiError && (error.status === 404 || error.status === 422))
        setAnswer({ kind: 'message', title: t('status.notFound'), more: t('status.notFoundMore') });
      else if (error instanceof PublicApiError && error.status === 429)
        setAnswer({ kind: 'message', title: t('status.tooMany', { minutes: minutesOf(error) }) });
      else setAnswer({ kind: 'message', title: t('loadFailed') });
    } finally {
      setChecking(false);
    }
  };
  return (
    <Card variant="outlined">
      <CardContent>
        <Stack spacing={2}>
          <Typography variant="h6" component="h1">
            {t('status.title')}
          </Typography>
          <Typography>{t('status.intro')}</Typography>
          <Box
            component="form"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void check();
            }}
            sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}
          >
            <TextField
              label={t('status.reference')}
              name="reference"
              value={reference}
              onChange={(e) => setReference(e.target.value)}
              error={invalid}
              helperText={invalid ? t('status.invalid') : undefined}
              fullWidth
              slotProps={{
                htmlInput: {
                  autoCapitalize: 'characters',
                  autoCorrect: 'off',
                  spellCheck: false,
                  maxLength: 40,
                  style: { fontFamily: 'ui-monospace, Menlo, Consolas, monospace', letterSpacing: 1 },
                },
              }}
            />
            <Button
              type="submit"
              variant="contained"
              size="large"
              disabled={checking}
              sx={{ height: 56, flexShrink: 0 }}
            >
              {checking ? t('status.checking') : t('status.check')}
            </Button>
          </Box>
          {remembered.length > 1 && (
            <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
              {remembered.map((r) => (
                <Chip key={r} label={r} onClick={() => void check(r)} variant="outlined" />
              ))}
            </Box>
          )}
          {answer?.kind === 'found' && <Answer status={answer.status} />}
          {answer?.kind === 'message' && (
            <Alert severity="warning" sx={{ fontSize: 16 }}>
              <AlertTitle sx={{ fontSize: 18 }}>{answer.title}</AlertTitle>
              {answer.more}
            </Alert>
          )}
          <Button onClick={onApply} sx={{ alignSelf: 'flex-start' }}>
            {t('status.apply')}
          </Button>
        </Stack>
      </CardContent>
    </Card>
  );
}
