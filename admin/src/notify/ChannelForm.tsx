import { Card, CardContent, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import {
  AutocompleteInput,
  BooleanInput,
  Loading,
  NumberInput,
  PasswordInput,
  ReferenceInput,
  SimpleForm,
  TextInput,
  Title,
  required,
  useDataProvider,
  useNotify,
  useRedirect,
  useTranslate,
} from 'react-admin';
import { useParams } from 'react-router-dom';
import type { TOrgUnit } from '@guanai/api/types';
import { SaveOnlyToolbar } from '../layout/SaveOnlyToolbar.tsx';
import { unitText } from '../orgUnits/types.ts';
import type { GuanaiDataProvider } from '../providers/dataProvider.ts';
import { useNotifyProblem } from '../tasks/useTaskActions.ts';
import { channelBody, channelFormValues, type ChannelFormValues } from './channel-body.ts';
import { useChannels } from './ChannelList.tsx';
import { CHANNEL_KINDS, NOTIFY_KINDS, type Channel, type ChannelKind } from './types.ts';

const field = (name: string) => `guanai.notify.channels.fields.${name}`;

/** The helper under a secret field: 已设置，留空则不变 when one is stored (a webhook shows its masked form). */
function useSecretHelp(stored: Channel | undefined) {
  const translate = useTranslate();
  return (name: string, shown = false) => {
    const value = (stored?.config as Record<string, unknown> | undefined)?.[name];
    if (typeof value !== 'string' || !value) return false;
    return shown
      ? translate('guanai.notify.channels.secretSetAs', { value })
      : translate('guanai.notify.channels.secretSet');
  };
}

/** The settings of one kind: a secret starts empty, and is required only where none is stored. */
function ConfigInputs({ kind, stored }: { kind: ChannelKind; stored?: Channel }) {
  const translate = useTranslate();
  const help = useSecretHelp(stored);
  const off = { autoComplete: 'new-password' };
  switch (kind) {
    case 'EMAIL':
      return (
        <>
          <TextInput source="config.host" label={field('host')} validate={required()} fullWidth />
          <NumberInput source="config.port" label={field('port')} validate={required()} min={1} max={65535} />
          <BooleanInput source="config.secure" label={field('secure')} />
          <TextInput source="config.user" label={field('user')} fullWidth autoComplete="off" />
          <PasswordInput
            source="config.password"
            label={field('password')}
            helperText={help('password')}
            fullWidth
            {...off}
          />
          <TextInput
            source="config.from"
            label={field('from')}
            helperText={field('fromHelp')}
            validate={required()}
            fullWidth
          />
        </>
      );
    case 'WECOM_ROBOT':
    case 'DINGTALK_ROBOT':
      return (
        <>
          <TextInput
            source="config.webhookUrl"
            label={field('webhookUrl')}
            helperText={help('webhookUrl', true)}
            validate={stored ? undefined : required()}
            fullWidth
            {...off}
          />
          {kind === 'DINGTALK_ROBOT' && (
            <PasswordInput
              source="config.secret"
              label={field('secret')}
              helperText={help('secret')}
              fullWidth
              {...off}
            />
          )}
        </>
      );
    case 'SMS':
      return (
        <>
          <TextInput source="config.endpoint" label={field('endpoint')} validate={required()} fullWidth />
          <PasswordInput source="config.token" label={field('token')} helperText={help('token')} fullWidth {...off} />
          <TextInput source="config.signName" label={field('signName')} validate={required()} fullWidth />
          <Typography variant="subtitle2" sx={{ mt: 1 }}>
            {translate(field('templates'))}
          </Typography>
          {NOTIFY_KINDS.map((k) => (
            <TextInput
              key={k}
              source={`config.templates.${k}`}
              label={`guanai.notificationsPage.kinds.${k}`}
              fullWidth
            />
          ))}
        </>
      );
  }
}

/** 新增 / 修改通知渠道 (admins): /notify/channels/create/:kind or /notify/channels/:id. */
export function ChannelForm() {
  const { id, kind: kindParam } = useParams();
  const translate = useTranslate();
  const dataProvider = useDataProvider<GuanaiDataProvider>();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const notifyProblem = useNotifyProblem();
  const redirect = useRedirect();
  const { data: channels, isPending } = useChannels();
  if (id && isPending) return <Loading />;
  const stored = id ? channels?.find((c) => c.id === id) : undefined;
  const kind = stored?.kind ?? (CHANNEL_KINDS as readonly string[]).find((k) => k === kindParam);
  if (!kind || (id && !stored)) {
    return <Typography sx={{ p: 2 }}>{translate('guanai.notify.channels.notFound')}</Typography>;
  }
  const kindName = translate(`guanai.notify.channelKinds.${kind}`);
  const submit = async (values: Record<string, unknown>) => {
    try {
      await dataProvider.saveNotifyChannel(
        stored?.id ?? null,
        channelBody(kind as ChannelKind, values as unknown as ChannelFormValues),
      );
      await queryClient.invalidateQueries({ queryKey: ['notify', 'channels'] });
      notify('guanai.notify.channels.saved', { type: 'success' });
      redirect('/notify/channels');
    } catch (error) {
      notifyProblem(error);
    }
  };
  return (
    <Card sx={{ mt: 1, maxWidth: 640 }}>
      <Title
        title={
          stored
            ? translate('guanai.notify.channels.editTitle', { name: stored.name })
            : translate('guanai.notify.channels.createTitle', { kind: kindName })
        }
      />
      <CardContent>
        <Typography variant="overline">{kindName}</Typography>
        <SimpleForm
          key={stored?.id ?? kind}
          toolbar={<SaveOnlyToolbar />}
          onSubmit={submit}
          record={channelFormValues(kind as ChannelKind, stored)}
          sx={{ p: 0 }}
        >
          <TextInput source="name" label="guanai.notify.channels.name" validate={required()} fullWidth />
          {(kind === 'WECOM_ROBOT' || kind === 'DINGTALK_ROBOT') && (
            <ReferenceInput source="unitId" reference="org-units" sort={{ field: 'code', order: 'ASC' }}>
              <AutocompleteInput
                label="guanai.notify.channels.unit"
                optionText={(u: TOrgUnit) => unitText(u)}
                helperText="guanai.notify.channels.unitHelp"
                fullWidth
              />
            </ReferenceInput>
          )}
          <BooleanInput source="enabled" label="guanai.notify.channels.enabled" />
          <ConfigInputs kind={kind as ChannelKind} stored={stored} />
        </SimpleForm>
      </CardContent>
    </Card>
  );
}
