import type { TSurveyAnswers } from '@guanai/api/types';
import { SURVEY_QUESTIONS, type SurveyQuestion } from '@guanai/workflows/vocabulary';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import LinkIcon from '@mui/icons-material/Link';
import RateReviewIcon from '@mui/icons-material/RateReview';
import { Alert, Box, Card, CardContent, Rating, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Button, useDataProvider, useNotify, useRecordContext, useTranslate } from 'react-admin';
import type { CaseRecord } from '../../cases/types.ts';
import type { GuanaiDataProvider } from '../../providers/dataProvider.ts';
import { useCan } from '../../providers/useCan.ts';
import { useNotifyProblem } from '../../tasks/useTaskActions.ts';

type Ratings = Record<SurveyQuestion, number | null>;
const unrated: Ratings = { satisfaction: null, timeliness: null, respect: null };

/** The survey is taken at the follow-up visit, one per visit (§四(八)), or after it once closed; the API refuses it earlier. */
export const surveyable = (state: string | undefined) =>
  !!state && (state === 'followUp' || state === 'followUp.visiting' || state.startsWith('closed'));

/** The three 1–5 ratings and a comment, taken by the caseworker with the recipient. */
function SurveyForm({
  onSubmit,
  onCancel,
}: {
  onSubmit: (answers: TSurveyAnswers) => Promise<void>;
  onCancel: () => void;
}) {
  const translate = useTranslate();
  const [ratings, setRatings] = useState<Ratings>(unrated);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const complete = SURVEY_QUESTIONS.every((q) => ratings[q] !== null);
  const submit = async () => {
    setBusy(true);
    const trimmed = comment.trim();
    await onSubmit({
      satisfaction: ratings.satisfaction!,
      timeliness: ratings.timeliness!,
      respect: ratings.respect!,
      ...(trimmed ? { comment: trimmed } : {}),
    });
    setBusy(false);
  };
  return (
    <Stack spacing={1.5}>
      {SURVEY_QUESTIONS.map((q) => (
        <Box
          key={q}
          role="group"
          aria-label={translate(`guanai.evaluation.survey.questions.${q}`)}
          sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}
        >
          <Typography sx={{ minWidth: 110 }}>{translate(`guanai.evaluation.survey.questions.${q}`)}</Typography>
          <Rating
            name={`survey-${q}`}
            value={ratings[q]}
            size="large"
            getLabelText={(v) => `${v} / 5`}
            onChange={(_, v) => setRatings((r) => ({ ...r, [q]: v }))}
          />
        </Box>
      ))}
      <TextField
        label={translate('guanai.evaluation.survey.comment')}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        multiline
        minRows={2}
        fullWidth
        slotProps={{ htmlInput: { maxLength: 1000 } }}
      />
      {!complete && (
        <Typography variant="caption" color="text.secondary">
          {translate('guanai.evaluation.survey.rateAll')}
        </Typography>
      )}
      <Stack direction="row" spacing={1}>
        <Button
          label="guanai.evaluation.survey.submit"
          variant="contained"
          onClick={submit}
          disabled={!complete || busy}
        />
        <Button label="guanai.evaluation.survey.cancel" onClick={onCancel} />
      </Stack>
    </Stack>
  );
}

/** The one-time link in full, as plain text the caseworker can copy into a message (no QR code). */
function SurveyLink({ url, expiresAt }: { url: string; expiresAt: string }) {
  const translate = useTranslate();
  const notify = useNotify();
  const copy = async () => {
    await navigator.clipboard?.writeText(url);
    notify('guanai.evaluation.survey.copied', { type: 'info' });
  };
  return (
    <Alert severity="success" icon={<LinkIcon />}>
      <Typography variant="body2">{translate('guanai.evaluation.survey.link')}</Typography>
      <Typography
        component="code"
        data-testid="survey-link"
        sx={{ display: 'block', my: 1, fontFamily: 'monospace', wordBreak: 'break-all', userSelect: 'all' }}
      >
        {url}
      </Typography>
      <Typography variant="caption" component="p">
        {translate('guanai.evaluation.survey.linkNote', { date: new Date(expiresAt).toLocaleDateString('zh-CN') })}
      </Typography>
      <Button label="guanai.evaluation.survey.copy" onClick={copy} sx={{ mt: 1 }}>
        <ContentCopyIcon />
      </Button>
    </Alert>
  );
}

/** 满意度回访 on a case at follow-up or closed: rate it together now, or send the recipient a one-time link. */
export function CaseSurveyPanel() {
  const record = useRecordContext<CaseRecord>();
  const translate = useTranslate();
  const can = useCan();
  const notify = useNotify();
  const notifyProblem = useNotifyProblem();
  const dataProvider = useDataProvider<GuanaiDataProvider>();
  const [taking, setTaking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [link, setLink] = useState<{ url: string; expiresAt: string } | null>(null);
  if (!record || !can('POST /api/cases/:id/surveys') || !surveyable(record.state)) return null;
  const take = async (answers: TSurveyAnswers) => {
    try {
      const { data } = await dataProvider.createSurvey(record.id, answers);
      notify('guanai.evaluation.survey.recorded', {
        type: 'success',
        messageArgs: { score: 'score' in data ? data.score : '' },
      });
      setTaking(false);
    } catch (error) {
      notifyProblem(error);
    }
  };
  const createLink = async () => {
    setBusy(true);
    try {
      const { data } = await dataProvider.createSurvey(record.id);
      if (data.channel === 'RECIPIENT_LINK')
        setLink({ url: `${window.location.origin}${data.link}`, expiresAt: data.expiresAt });
    } catch (error) {
      notifyProblem(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card variant="outlined">
      <CardContent>
        <Stack spacing={1.5}>
          <Typography variant="subtitle1" component="h2">
            {translate('guanai.evaluation.survey.title')}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {translate('guanai.evaluation.survey.help')}
          </Typography>
          {taking ? (
            <SurveyForm onSubmit={take} onCancel={() => setTaking(false)} />
          ) : (
            <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
              <Button label="guanai.evaluation.survey.takeNow" variant="outlined" onClick={() => setTaking(true)}>
                <RateReviewIcon />
              </Button>
              <Button
                label="guanai.evaluation.survey.createLink"
                variant="outlined"
                onClick={createLink}
                disabled={busy}
              >
                <LinkIcon />
              </Button>
            </Stack>
          )}
          {link && <SurveyLink url={link.url} expiresAt={link.expiresAt} />}
        </Stack>
      </CardContent>
    </Card>
  );
}
