import type { TPublicCommunity } from '@guanai/api/types';
import { Alert, Box, Button, Card, CardContent, Chip, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useRef, useState } from 'react';
import { callApi, minutesOf, PublicApiError } from '../../public/apply/api.ts';
import { CommunityPicker, placeOf } from '../../public/apply/CommunityPicker.tsx';
import { useFetch } from '../../public/fetchJson.ts';
import { useLang } from '../../public/i18n.tsx';

/** The fields a message can stand beside, in the order of the form (the first one wrong gets the focus). */
const FIELDS = ['name', 'phone', 'username', 'password', 'teamId', 'communityIds'] as const;
type Field = (typeof FIELDS)[number];
type Errors = Partial<Record<Field, string>>;

export interface Registered {
  status: string;
  username: string;
  team: { id: string; name: string } | null;
}

interface Draft {
  name: string;
  phone: string;
  username: string;
  password: string;
  skills: string;
  languages: string;
  availability: string;
  teamId: string;
  communityIds: string[];
}

const EMPTY: Draft = {
  name: '',
  phone: '',
  username: '',
  password: '',
  skills: '',
  languages: '',
  availability: '',
  teamId: '',
  communityIds: [],
};

/** The API's rules, checked before sending (it checks them all the same). */
const PHONE = /^1[3-9]\d{9}$/;
const USERNAME = /^[a-z0-9][a-z0-9._-]{2,39}$/;
const phoneOf = (typed: string) => typed.replace(/[\s()（）-]/g, '');
const listOf = (typed: string) =>
  typed
    .split(/[、,，;；]/)
    .map((s) => s.trim())
    .filter(Boolean);

function check(draft: Draft, teams: number): Field[] {
  const wrong: Field[] = [];
  const name = draft.name.trim();
  if (!name || name.length > 50) wrong.push('name');
  if (!PHONE.test(phoneOf(draft.phone))) wrong.push('phone');
  if (!USERNAME.test(draft.username.trim().toLowerCase())) wrong.push('username');
  const p = draft.password;
  if (p.length < 10 || !/\p{L}/u.test(p) || !/\d/.test(p)) wrong.push('password');
  if (teams > 0 && !draft.teamId) wrong.push('teamId');
  if (draft.communityIds.length === 0) wrong.push('communityIds');
  return wrong;
}

/**
 * 志愿者注册: name, mobile, the sign-in to be, skills, languages, when one can help, a team and the communities one
 * would serve (at least one, picked from the same tree as the online application's). No identity number. The answer is
 * PENDING: the team (or the station) approves before the first sign-in.
 */
export function RegisterForm({ onDone }: { onDone: (answer: Registered) => void }) {
  const { t } = useLang();
  const communities = useFetch<TPublicCommunity[]>('/api/public/communities');
  const teams = useFetch<{ id: string; name: string }[]>('/api/public/volunteer-teams');
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };
  const show = (wrong: Errors) => {
    setErrors(wrong);
    const first = FIELDS.find((f) => wrong[f]);
    if (first) form.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
  };
  const send = async () => {
    setFailure(null);
    const wrong = check(draft, teams.data?.length ?? 0);
    if (wrong.length > 0) return show(Object.fromEntries(wrong.map((f) => [f, t(`errors.${f}`)])));
    setBusy(true);
    try {
      const answer = await callApi<Registered>('/api/public/volunteers', {
        method: 'POST',
        body: JSON.stringify({
          name: draft.name.trim(),
          phone: phoneOf(draft.phone),
          username: draft.username.trim().toLowerCase(),
          password: draft.password,
          skills: listOf(draft.skills),
          languages: listOf(draft.languages),
          ...(draft.availability.trim() ? { availability: draft.availability.trim() } : {}),
          ...(draft.teamId ? { teamId: draft.teamId } : {}),
          communityIds: draft.communityIds,
        }),
      });
      onDone(answer);
    } catch (error) {
      if (error instanceof PublicApiError && error.status === 429)
        return setFailure(t('tooMany', { minutes: minutesOf(error) }));
      if (error instanceof PublicApiError && error.errors.length > 0) {
        const named: Errors = {};
        const others: string[] = [];
        for (const { field, reason } of error.errors) {
          const head = field.split('.')[0] ?? '';
          if ((FIELDS as readonly string[]).includes(head))
            named[head as Field] ??= `${t(`errors.${head}`)}（${reason}）`;
          else others.push(t('errors.other', { field, reason }));
        }
        show(named);
        return setFailure([t('fixErrors'), ...others].join(' '));
      }
      setFailure(t('failed', { detail: (error as Error).message }));
    } finally {
      setBusy(false);
    }
  };
  const text = (field: 'name' | 'phone' | 'username' | 'password', help?: string) => (
    <TextField
      label={t(field)}
      name={field}
      value={draft[field]}
      onChange={(e) => set(field, e.target.value)}
      required
      fullWidth
      disabled={busy}
      type={field === 'password' ? 'password' : field === 'phone' ? 'tel' : 'text'}
      error={!!errors[field]}
      helperText={errors[field] ?? help}
      slotProps={{
        htmlInput: {
          maxLength: field === 'password' ? 100 : 50,
          autoComplete: { name: 'name', phone: 'tel', username: 'username', password: 'new-password' }[field],
          ...(field === 'phone' ? { inputMode: 'tel' } : {}),
          ...(field === 'username' ? { autoCapitalize: 'none' } : {}),
        },
      }}
    />
  );
  const optional = (field: 'skills' | 'languages' | 'availability', help: string) => (
    <TextField
      label={t(field)}
      name={field}
      value={draft[field]}
      onChange={(e) => set(field, e.target.value)}
      fullWidth
      disabled={busy}
      helperText={help}
      slotProps={{ htmlInput: { maxLength: 200 } }}
    />
  );
  const picked = draft.communityIds
    .map((id) => communities.data?.find((c) => c.id === id))
    .filter((c): c is TPublicCommunity => !!c);
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
            <Typography>{t('intro')}</Typography>
            {text('name')}
            {text('phone')}
            {text('username', t('usernameHelp'))}
            {text('password', t('passwordHelp'))}
            {optional('skills', t('listHelp'))}
            {optional('languages', t('listHelp'))}
            {optional('availability', t('availabilityHelp'))}
            {teams.error ? (
              <Alert severity="error">{t('loadFailed')}</Alert>
            ) : teams.data?.length === 0 ? (
              <Typography color="text.secondary">{t('noTeams')}</Typography>
            ) : (
              <TextField
                select
                label={t('team')}
                name="teamId"
                value={draft.teamId}
                onChange={(e) => set('teamId', e.target.value)}
                required
                fullWidth
                disabled={busy || !teams.data}
                error={!!errors.teamId}
                helperText={errors.teamId}
              >
                {(teams.data ?? []).map((team) => (
                  <MenuItem key={team.id} value={team.id}>
                    {team.name}
                  </MenuItem>
                ))}
              </TextField>
            )}
            {communities.error ? (
              <Alert severity="error">{t('loadFailed')}</Alert>
            ) : (
              <Stack spacing={1}>
                {picked.length > 0 && (
                  <Stack
                    direction="row"
                    spacing={1}
                    useFlexGap
                    sx={{ flexWrap: 'wrap' }}
                    data-testid="picked-communities"
                  >
                    {picked.map((c) => (
                      <Chip
                        key={c.id}
                        label={placeOf(c)}
                        aria-label={t('removeCommunity', { name: c.name })}
                        onDelete={
                          busy
                            ? undefined
                            : () =>
                                set(
                                  'communityIds',
                                  draft.communityIds.filter((id) => id !== c.id),
                                )
                        }
                        sx={{ maxWidth: '100%' }}
                      />
                    ))}
                  </Stack>
                )}
                <CommunityPicker
                  communities={communities.data?.filter((c) => !draft.communityIds.includes(c.id))}
                  value={null}
                  onChange={(id) => set('communityIds', [...draft.communityIds, id])}
                  label={picked.length > 0 ? t('addCommunity') : t('communities')}
                  helperText={t('communitiesHelp')}
                  error={errors.communityIds}
                  disabled={busy || communities.loading}
                />
              </Stack>
            )}
            <Typography variant="body2" color="text.secondary">
              {t('privacy')}
            </Typography>
            {failure && <Alert severity="error">{failure}</Alert>}
            <Button type="submit" variant="contained" size="large" disabled={busy} sx={{ py: 1.5, fontSize: 17 }}>
              {busy ? t('sending') : t('submit')}
            </Button>
          </Stack>
        </Box>
      </CardContent>
    </Card>
  );
}
