import {
  Box,
  Button,
  Card,
  CardContent,
  Checkbox,
  FormControlLabel,
  Stack,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
  useMediaQuery,
  type Theme,
} from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Loading, Title, useDataProvider, useGetOne, useNotify, useTranslate } from 'react-admin';
import { useParams } from 'react-router-dom';
import type { GuanaiDataProvider } from '../providers/dataProvider.ts';
import { useNotifyProblem } from '../tasks/useTaskActions.ts';
import {
  CHANNEL_KINDS,
  NOTIFY_KINDS,
  toHHmm,
  toMinutes,
  type ChannelKind,
  type Preference,
  type PreferenceInput,
} from './types.ts';

type Kind = (typeof NOTIFY_KINDS)[number];

/** What the page edits: the addresses, the kinds × channels ticked, quiet hours as HH:mm. */
export interface PreferenceDraft {
  email: string;
  /** A new mobile number; empty keeps the stored one. */
  mobile: string;
  clearMobile: boolean;
  channels: Record<Kind, ChannelKind[]>;
  quiet: { enabled: boolean; start: string; end: string };
}

export const draftOf = (preference: Preference): PreferenceDraft => ({
  email: preference.email ?? '',
  mobile: '',
  clearMobile: false,
  channels: Object.fromEntries(NOTIFY_KINDS.map((k) => [k, preference.channels[k] ?? []])) as Record<
    Kind,
    ChannelKind[]
  >,
  quiet: {
    enabled: preference.quietHours.enabled,
    start: toHHmm(preference.quietHours.start),
    end: toHHmm(preference.quietHours.end),
  },
});

/**
 * What the page sends: every kind with its channels (in the channels' order), quiet hours in minutes after
 * midnight, the mobile only when a new one is typed (or null to remove it): the masked one is never sent back.
 */
export function preferenceBody(draft: PreferenceDraft): PreferenceInput {
  const mobile = draft.clearMobile ? { mobile: null } : draft.mobile.trim() ? { mobile: draft.mobile.trim() } : {};
  return {
    email: draft.email.trim() || null,
    ...mobile,
    channels: Object.fromEntries(
      NOTIFY_KINDS.map((k) => [k, CHANNEL_KINDS.filter((c) => draft.channels[k].includes(c))]),
    ),
    quietHours: {
      enabled: draft.quiet.enabled,
      start: toMinutes(draft.quiet.start) ?? 0,
      end: toMinutes(draft.quiet.end) ?? 0,
    },
  };
}

function ChannelMatrix({
  channels,
  onToggle,
}: {
  channels: PreferenceDraft['channels'];
  onToggle: (kind: Kind, channel: ChannelKind) => void;
}) {
  const translate = useTranslate();
  const isSmall = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const kindName = (k: Kind) => translate(`guanai.notificationsPage.kinds.${k}`);
  const channelName = (c: ChannelKind) => translate(`guanai.notify.channelKinds.${c}`);
  const box = (k: Kind, c: ChannelKind) => (
    <Checkbox
      checked={channels[k].includes(c)}
      onChange={() => onToggle(k, c)}
      slotProps={{ input: { 'aria-label': `${kindName(k)} · ${channelName(c)}` } }}
    />
  );
  if (isSmall) {
    // A phone: one block per kind, its channels wrapping beneath.
    return (
      <Stack spacing={1}>
        {NOTIFY_KINDS.map((k) => (
          <Box key={k} sx={{ borderBottom: 1, borderColor: 'divider', pb: 1 }}>
            <Typography variant="subtitle2">{kindName(k)}</Typography>
            <Box sx={{ display: 'flex', flexWrap: 'wrap' }}>
              {CHANNEL_KINDS.map((c) => (
                <FormControlLabel key={c} control={box(k, c)} label={channelName(c)} sx={{ mr: 1 }} />
              ))}
            </Box>
          </Box>
        ))}
      </Stack>
    );
  }
  return (
    <Table size="small" sx={{ '& th': { whiteSpace: 'nowrap' } }}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('guanai.notify.preferences.kind')}</TableCell>
          {CHANNEL_KINDS.map((c) => (
            <TableCell key={c} align="center">
              {channelName(c)}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {NOTIFY_KINDS.map((k) => (
          <TableRow key={k}>
            <TableCell>{kindName(k)}</TableCell>
            {CHANNEL_KINDS.map((c) => (
              <TableCell key={c} align="center" padding="checkbox">
                {box(k, c)}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/**
 * 我的通知设置 (/notify/preferences), or an admin's view of a user's (/notify/preferences/:userId): the
 * addresses (the mobile shown masked, a new one typed to change it), which kinds reach me on which
 * channel, and quiet hours (Beijing time) during which non-urgent messages wait.
 */
export function PreferencesPage() {
  const { userId = null } = useParams();
  const translate = useTranslate();
  const dataProvider = useDataProvider<GuanaiDataProvider>();
  const queryClient = useQueryClient();
  const queryKey = ['notify', 'preferences', userId ?? 'me'];
  const { data: stored } = useQuery({
    queryKey,
    queryFn: async () => (await dataProvider.getNotifyPreference(userId)).data,
  });
  const { data: user } = useGetOne<{ id: string; displayName: string }>(
    'users',
    { id: userId ?? '' },
    { enabled: Boolean(userId) },
  );
  const title = userId
    ? translate('guanai.notify.preferences.userTitle', { name: user?.displayName ?? '' })
    : translate('guanai.notify.preferences.title');
  if (!stored) return <Loading />;
  return (
    <Card sx={{ mt: 1, maxWidth: 760 }}>
      <Title title={title} />
      <CardContent>
        {/* Saved, the stored answer replaces the draft. */}
        <PreferencesForm
          key={JSON.stringify(stored)}
          stored={stored}
          save={async (body) => {
            const { data } = await dataProvider.saveNotifyPreference(userId, body);
            queryClient.setQueryData(queryKey, data);
          }}
        />
      </CardContent>
    </Card>
  );
}

function PreferencesForm({
  stored,
  save: send,
}: {
  stored: Preference;
  save: (body: PreferenceInput) => Promise<void>;
}) {
  const translate = useTranslate();
  const notify = useNotify();
  const notifyProblem = useNotifyProblem();
  const [draft, setDraft] = useState<PreferenceDraft>(() => draftOf(stored));
  const [busy, setBusy] = useState(false);
  const set = (change: Partial<PreferenceDraft>) => setDraft({ ...draft, ...change });
  const toggle = (kind: Kind, channel: ChannelKind) => {
    const now = draft.channels[kind];
    set({
      channels: {
        ...draft.channels,
        [kind]: now.includes(channel) ? now.filter((c) => c !== channel) : [...now, channel],
      },
    });
  };
  const badTime = (value: string) => toMinutes(value) === null;
  const save = async () => {
    setBusy(true);
    try {
      await send(preferenceBody(draft));
      notify('guanai.notify.preferences.saved', { type: 'success' });
    } catch (error) {
      notifyProblem(error);
    } finally {
      setBusy(false);
    }
  };
  const p = (key: string) => translate(`guanai.notify.preferences.${key}`);
  return (
    <Stack spacing={3}>
      <Stack spacing={2}>
        <Typography variant="h6">{p('addresses')}</Typography>
        <TextField
          label={p('email')}
          type="email"
          value={draft.email}
          onChange={(e) => set({ email: e.target.value })}
          fullWidth
        />
        <Box>
          <Typography variant="body2" color="text.secondary">
            {p('mobile')}: {stored.mobile ?? '—'}
          </Typography>
          <TextField
            label={p('mobileNew')}
            value={draft.mobile}
            onChange={(e) => set({ mobile: e.target.value, clearMobile: false })}
            helperText={stored.mobile ? p('mobileNewHelp') : undefined}
            slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 11 } }}
            disabled={draft.clearMobile}
            fullWidth
            sx={{ mt: 1 }}
          />
          {stored.mobile && (
            <FormControlLabel
              control={
                <Checkbox
                  checked={draft.clearMobile}
                  onChange={(e) => set({ clearMobile: e.target.checked, mobile: '' })}
                />
              }
              label={p('mobileClear')}
            />
          )}
        </Box>
      </Stack>
      <Box>
        <Typography variant="h6">{p('matrix')}</Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {p('matrixHelp')}
        </Typography>
        <ChannelMatrix channels={draft.channels} onToggle={toggle} />
      </Box>
      <Stack spacing={2}>
        <Typography variant="h6">{p('quiet')}</Typography>
        <FormControlLabel
          control={
            <Switch
              checked={draft.quiet.enabled}
              onChange={(e) => set({ quiet: { ...draft.quiet, enabled: e.target.checked } })}
            />
          }
          label={p('quietEnabled')}
        />
        <Stack direction="row" spacing={2}>
          {(['start', 'end'] as const).map((end) => (
            <TextField
              key={end}
              type="time"
              label={p(end === 'start' ? 'quietStart' : 'quietEnd')}
              value={draft.quiet[end]}
              onChange={(e) => set({ quiet: { ...draft.quiet, [end]: e.target.value } })}
              disabled={!draft.quiet.enabled}
              error={badTime(draft.quiet[end])}
              slotProps={{ inputLabel: { shrink: true }, htmlInput: { step: 60 } }}
              sx={{ flex: 1 }}
            />
          ))}
        </Stack>
        <Typography variant="body2" color="text.secondary">
          {p('quietHelp')}
        </Typography>
      </Stack>
      <Box>
        <Button
          variant="contained"
          onClick={save}
          disabled={busy || badTime(draft.quiet.start) || badTime(draft.quiet.end)}
        >
          {translate('ra.action.save')}
        </Button>
      </Box>
    </Stack>
  );
}
