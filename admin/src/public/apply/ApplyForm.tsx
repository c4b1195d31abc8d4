import type { TApplicationReceipt, TChallenge, TPublicCommunity, TSubmitApplication } from '@guanai/api/types';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CircularProgress,
  FormControl,
  FormControlLabel,
  FormHelperText,
  FormLabel,
  Radio,
  RadioGroup,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useRef, useState } from 'react';
import { useFetch } from '../fetchJson.ts';
import { useLang } from '../i18n.tsx';
import { callApi, minutesOf, PublicApiError, rememberReference } from './api.ts';
import { CommunityPicker } from './CommunityPicker.tsx';
import type { Photo } from './photos.ts';
import { PhotoInput } from './PhotoInput.tsx';
import { solveChallenge } from './proof-of-work.ts';

type Applicant = TSubmitApplication['applicant'];
const APPLICANTS: Applicant[] = ['SELF', 'RELATIVE', 'OTHER'];

/** The fields a message can stand beside, in the order of the form (the first one wrong gets the focus). */
const FIELDS = ['applicant', 'name', 'applicantName', 'phone', 'communityId', 'situation', 'documents'] as const;
type Field = (typeof FIELDS)[number];
type Errors = Partial<Record<Field, string>>;

interface Draft {
  applicant: Applicant;
  name: string;
  applicantName: string;
  phone: string;
  communityId: string | null;
  situation: string;
  photos: Photo[];
}

const EMPTY: Draft = {
  applicant: 'SELF',
  name: '',
  applicantName: '',
  phone: '',
  communityId: null,
  situation: '',
  photos: [],
};

/** A mainland mobile, or a landline with its area code (the API's rule), as typed without spaces and dashes. */
const PHONE = /^(1[3-9]\d{9}|0\d{9,11})$/;
const phoneOf = (typed: string) => typed.replace(/[\s()（）-]/g, '');

/** What the API would refuse, found before a proof of work is spent on it. */
function check(draft: Draft): Field[] {
  const wrong: Field[] = [];
  const name = draft.name.trim();
  if (!name || name.length > 50) wrong.push('name');
  const applicantName = draft.applicantName.trim();
  if (draft.applicant !== 'SELF' && (!applicantName || applicantName.length > 50)) wrong.push('applicantName');
  if (!PHONE.test(phoneOf(draft.phone))) wrong.push('phone');
  if (!draft.communityId) wrong.push('communityId');
  const situation = draft.situation.trim().length;
  if (situation < 10 || situation > 2000) wrong.push('situation');
  return wrong;
}

/** The form's field for an API field (`documents.1.data` → documents; `challenge.token` → none: asked again). */
const fieldOf = (apiField: string): Field | 'challenge' | null => {
  const head = apiField.split('.')[0] ?? '';
  if (head === 'challenge') return 'challenge';
  return (FIELDS as readonly string[]).includes(head) ? (head as Field) : null;
};

type Stage = 'editing' | 'verifying' | 'sending';

/** 我要申请: the form, the proof of work, and the API's answer beside the fields it names. */
export function ApplyForm({ onDone }: { onDone: (receipt: TApplicationReceipt) => void }) {
  const { t } = useLang();
  const communities = useFetch<TPublicCommunity[]>('/api/public/communities');
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [stage, setStage] = useState<Stage>('editing');
  const form = useRef<HTMLFormElement>(null);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setErrors((e) => ({ ...e, [key === 'photos' ? 'documents' : key]: undefined }));
  };
  const show = (wrong: Errors) => {
    setErrors(wrong);
    // The first field to correct gets the focus (on a phone, the page scrolls to it).
    const first = FIELDS.find((f) => wrong[f]);
    if (first) form.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
  };

  const send = async () => {
    const wrong = check(draft);
    setFailure(null);
    if (wrong.length > 0) {
      show(Object.fromEntries(wrong.map((f) => [f, t(`errors.${f}`)])));
      return;
    }
    setErrors({});
    try {
      setStage('verifying');
      // Each challenge is good for one submission: a fresh one every time, after a refusal too.
      const challenge = await callApi<TChallenge>('/api/public/applications/challenge');
      const solution = await solveChallenge(challenge);
      setStage('sending');
      const applicantName = draft.applicantName.trim();
      const body: TSubmitApplication = {
        name: draft.name.trim(),
        phone: phoneOf(draft.phone),
        communityId: draft.communityId!,
        situation: draft.situation.trim(),
        applicant: draft.applicant,
        ...(draft.applicant !== 'SELF' ? { applicantName } : {}),
        ...(draft.photos.length > 0
          ? { documents: draft.photos.map(({ filename, contentType, data }) => ({ filename, contentType, data })) }
          : {}),
        challenge: { token: challenge.token, solution },
      };
      const receipt = await callApi<TApplicationReceipt>('/api/public/applications', {
        method: 'POST',
        body: JSON.stringify(body),
      });
      rememberReference(receipt.reference);
      onDone(receipt);
    } catch (error) {
      setStage('editing');
      if (error instanceof PublicApiError && error.status === 429)
        return setFailure(t('apply.tooMany', { minutes: minutesOf(error) }));
      if (error instanceof PublicApiError && error.errors.length > 0) {
        const named: Errors = {};
        const others: string[] = [];
        for (const { field, reason } of error.errors) {
          const at = fieldOf(field);
          if (at === 'challenge') others.push(t('errors.challenge'));
          else if (at) named[at] ??= t(`errors.${at}`);
          else others.push(t('errors.other', { field, reason }));
        }
        show(named);
        return setFailure([t('apply.fixErrors'), ...new Set(others)].join(' '));
      }
      setFailure(t('apply.failed', { detail: (error as Error).message }));
    }
  };

  const busy = stage !== 'editing';
  const forSelf = draft.applicant === 'SELF';
  const text = (field: 'name' | 'applicantName' | 'phone', label: string, help?: string, type = 'text') => (
    <TextField
      label={label}
      name={field}
      value={draft[field]}
      onChange={(e) => set(field, e.target.value)}
      required
      fullWidth
      type={type}
      disabled={busy}
      error={!!errors[field]}
      helperText={errors[field] ?? help}
      slotProps={{
        htmlInput: {
          maxLength: field === 'phone' ? 20 : 50,
          ...(field === 'phone' ? { inputMode: 'tel', autoComplete: 'tel' } : {}),
        },
      }}
    />
  );
  return (
    <Card variant="outlined">
      <CardContent>
        <Box
          component="form"
          ref={form}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void send();
          }}
        >
          <Stack spacing={2.5}>
            <Typography>{t('apply.intro')}</Typography>
            <FormControl error={!!errors.applicant} disabled={busy}>
              <FormLabel id="apply-who" sx={{ fontWeight: 500 }}>
                {t('apply.who')}
              </FormLabel>
              <RadioGroup
                aria-labelledby="apply-who"
                name="applicant"
                value={draft.applicant}
                onChange={(e) => set('applicant', e.target.value as Applicant)}
              >
                {APPLICANTS.map((a) => (
                  <FormControlLabel key={a} value={a} control={<Radio />} label={t(`apply.applicants.${a}`)} />
                ))}
              </RadioGroup>
              {errors.applicant && <FormHelperText>{errors.applicant}</FormHelperText>}
            </FormControl>
            {!forSelf && text('applicantName', t('apply.applicantName'))}
            {text('name', t(forSelf ? 'apply.name' : 'apply.nameFor'))}
            {text('phone', t('apply.phone'), t('apply.phoneHelp'), 'tel')}
            {communities.error ? (
              <Alert severity="error">{t('loadFailed')}</Alert>
            ) : (
              <CommunityPicker
                communities={communities.data}
                value={draft.communityId}
                onChange={(id) => set('communityId', id)}
                label={t('apply.community')}
                helperText={t('apply.communityHelp')}
                error={errors.communityId}
                disabled={busy || communities.loading}
              />
            )}
            <TextField
              label={t('apply.situation')}
              name="situation"
              value={draft.situation}
              onChange={(e) => set('situation', e.target.value)}
              required
              fullWidth
              multiline
              minRows={4}
              disabled={busy}
              error={!!errors.situation}
              helperText={
                errors.situation ??
                t('apply.situationHelp') +
                  (draft.situation ? t('apply.written', { n: draft.situation.trim().length }) : '')
              }
              slotProps={{ htmlInput: { maxLength: 2000 } }}
            />
            <PhotoInput
              photos={draft.photos}
              onChange={(photos) => set('photos', photos)}
              error={errors.documents}
              disabled={busy}
            />
            <Typography variant="body2" color="text.secondary">
              {t('apply.privacy')}
            </Typography>
            {failure && <Alert severity="error">{failure}</Alert>}
            {stage === 'verifying' && (
              <Alert severity="info" icon={<CircularProgress size={20} />} role="status">
                <Typography sx={{ fontWeight: 600 }}>{t('apply.verifying')}</Typography>
                <Typography variant="body2">{t('apply.verifyingMore')}</Typography>
              </Alert>
            )}
            <Button type="submit" variant="contained" size="large" disabled={busy} sx={{ py: 1.5, fontSize: 17 }}>
              {stage === 'verifying'
                ? t('apply.verifying')
                : stage === 'sending'
                  ? t('apply.sending')
                  : t('apply.submit')}
            </Button>
          </Stack>
        </Box>
      </CardContent>
    </Card>
  );
}
