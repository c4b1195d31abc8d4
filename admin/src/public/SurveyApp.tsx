import { SURVEY_QUESTIONS, type SurveyQuestion } from '@guanai/workflows/vocabulary';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CircularProgress,
  Rating,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import type { TSurveyForm } from '@guanai/api/types';
import { ApiError, fetchJson, useFetch } from './fetchJson.ts';
import { useLang } from './i18n.tsx';
import { PublicShell } from './PublicShell.tsx';

type SurveyForm = TSurveyForm;

/** The token of a one-time link (/survey.html#<token>), as the API accepts it. */
export const tokenOf = (hash: string) => {
  const token = hash.replace(/^#/, '');
  return /^[A-Za-z0-9_-]{20,64}$/.test(token) ? token : null;
};

function Message({ title, more, severity }: { title: string; more: string; severity: 'success' | 'info' | 'warning' }) {
  return (
    <Alert severity={severity} sx={{ fontSize: 16 }}>
      <Typography variant="h6" component="h1" sx={{ fontSize: 18 }}>
        {title}
      </Typography>
      <Typography>{more}</Typography>
    </Alert>
  );
}

function Survey({ token }: { token: string }) {
  const { t } = useLang();
  const { data, error, loading } = useFetch<SurveyForm>(`/api/public/surveys/${token}`);
  const [ratings, setRatings] = useState<Record<SurveyQuestion, number | null>>({
    satisfaction: null,
    timeliness: null,
    respect: null,
  });
  const [comment, setComment] = useState('');
  const [state, setState] = useState<'answering' | 'sending' | 'thanks' | 'used'>('answering');
  const [failure, setFailure] = useState<string | null>(null);
  // An expired or wrong link is a 404 to the API, a visit already surveyed (through this link or by the
  // caseworker in person: one survey per visit) a 409: say it kindly, whichever it is.
  if (state === 'used' || (error instanceof ApiError && (error.status === 404 || error.status === 409)))
    return <Message severity="info" title={t('survey.used')} more={t('survey.usedMore')} />;
  if (state === 'thanks')
    return <Message severity="success" title={t('survey.thanks')} more={t('survey.thanksMore')} />;
  if (loading) return <CircularProgress sx={{ m: 2 }} />;
  if (error || !data) return <Alert severity="error">{t('loadFailed')}</Alert>;
  const complete = SURVEY_QUESTIONS.every((q) => ratings[q] !== null);
  const send = async () => {
    setState('sending');
    setFailure(null);
    const trimmed = comment.trim();
    try {
      await fetchJson(`/api/public/surveys/${token}`, {
        method: 'POST',
        body: JSON.stringify({
          satisfaction: ratings.satisfaction,
          timeliness: ratings.timeliness,
          respect: ratings.respect,
          ...(trimmed ? { comment: trimmed } : {}),
        }),
      });
      setState('thanks');
    } catch (sendError) {
      if (sendError instanceof ApiError && (sendError.status === 404 || sendError.status === 409))
        return setState('used');
      setFailure(t('survey.failed', { detail: (sendError as Error).message }));
      setState('answering');
    }
  };
  return (
    <Card variant="outlined">
      <CardContent>
        <Stack spacing={2.5}>
          <Typography variant="h6" component="h1">
            {t('survey.title')}
          </Typography>
          <Typography>{data.center ? t('survey.intro', { center: data.center }) : t('survey.introPlain')}</Typography>
          {SURVEY_QUESTIONS.map((q) => (
            <Box key={q} role="group" aria-label={t(`survey.questions.${q}`)}>
              <Typography component="h2" sx={{ fontWeight: 600, mb: 0.5 }}>
                {t(`survey.questions.${q}`)}
              </Typography>
              <Rating
                name={`survey-${q}`}
                value={ratings[q]}
                size="large"
                sx={{ fontSize: 44 }}
                getLabelText={(n) => t('survey.star', { n })}
                onChange={(_, value) => setRatings((r) => ({ ...r, [q]: value }))}
              />
            </Box>
          ))}
          <TextField
            label={t('survey.comment')}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            multiline
            minRows={3}
            fullWidth
            slotProps={{ htmlInput: { maxLength: 1000 } }}
          />
          {failure && <Alert severity="error">{failure}</Alert>}
          {!complete && (
            <Typography variant="body2" color="text.secondary">
              {t('survey.rateAll')}
            </Typography>
          )}
          <Button
            variant="contained"
            size="large"
            onClick={send}
            disabled={!complete || state === 'sending'}
            sx={{ py: 1.5, fontSize: 17 }}
          >
            {t('survey.submit')}
          </Button>
        </Stack>
      </CardContent>
    </Card>
  );
}

function Page() {
  const { t } = useLang();
  const token = tokenOf(window.location.hash);
  if (!token) return <Message severity="warning" title={t('survey.missing')} more={t('survey.missingMore')} />;
  return <Survey token={token} />;
}

/** survey.html: the recipient answers the satisfaction survey on their own phone, once, without signing in. */
export function SurveyApp() {
  return (
    <PublicShell title="survey.title">
      <Page />
    </PublicShell>
  );
}
