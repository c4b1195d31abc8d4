import { NOTIFY_KINDS, type Channel, type ChannelInput, type ChannelKind } from './types.ts';

/** The fields a channel's form holds; a secret field starts empty (the API never gives one back). */
export interface ChannelFormValues {
  name: string;
  unitId: string | null;
  enabled: boolean;
  config: {
    host?: string;
    port?: number | string;
    secure?: boolean;
    user?: string;
    password?: string;
    from?: string;
    webhookUrl?: string;
    secret?: string;
    endpoint?: string;
    token?: string;
    signName?: string;
    templates?: Partial<Record<string, string>>;
  };
}

/** The fields that hold a secret, per kind: shown as 已设置 / *** by the API, sent only when typed anew. */
export const SECRET_FIELDS: Record<ChannelKind, readonly (keyof ChannelFormValues['config'])[]> = {
  EMAIL: ['password'],
  WECOM_ROBOT: ['webhookUrl'],
  DINGTALK_ROBOT: ['webhookUrl', 'secret'],
  SMS: ['token'],
};

/** The form's starting values: the stored settings with every secret field emptied (its masked value is no value). */
export function channelFormValues(kind: ChannelKind, channel?: Channel): ChannelFormValues {
  const config = { ...((channel?.config ?? {}) as ChannelFormValues['config']) };
  for (const field of SECRET_FIELDS[kind]) Object.assign(config, { [field]: '' });
  if (kind === 'EMAIL') {
    config.port ??= 465;
    config.secure ??= true;
    config.user ??= '';
  }
  if (kind === 'SMS') config.templates ??= {};
  return { name: channel?.name ?? '', unitId: channel?.unitId ?? null, enabled: channel?.enabled ?? true, config };
}

const typed = (value: string | undefined) => (value && value.trim() ? value.trim() : undefined);

/**
 * What the form sends: the settings of its kind, a secret only when the admin typed a new one (left
 * out, the API keeps the stored one; the masked 已设置 / *** is never sent back).
 */
export function channelBody(kind: ChannelKind, values: ChannelFormValues): ChannelInput {
  const c = values.config;
  const common = {
    name: values.name.trim(),
    unitId: kind === 'EMAIL' || kind === 'SMS' ? null : (values.unitId ?? null),
    enabled: values.enabled,
  };
  const secret = (field: 'password' | 'webhookUrl' | 'secret' | 'token') =>
    typed(c[field]) === undefined ? {} : { [field]: typed(c[field]) };
  switch (kind) {
    case 'EMAIL':
      return {
        ...common,
        config: {
          kind,
          host: (c.host ?? '').trim(),
          port: Number(c.port),
          secure: Boolean(c.secure),
          ...(typed(c.user) ? { user: typed(c.user) } : {}),
          ...secret('password'),
          from: (c.from ?? '').trim(),
        },
      };
    case 'WECOM_ROBOT':
      return { ...common, config: { kind, ...secret('webhookUrl') } };
    case 'DINGTALK_ROBOT':
      return { ...common, config: { kind, ...secret('webhookUrl'), ...secret('secret') } };
    case 'SMS':
      return {
        ...common,
        config: {
          kind,
          provider: 'GENERIC',
          endpoint: (c.endpoint ?? '').trim(),
          ...secret('token'),
          signName: (c.signName ?? '').trim(),
          templates: Object.fromEntries(
            NOTIFY_KINDS.flatMap((k) => (typed(c.templates?.[k]) ? [[k, typed(c.templates?.[k])!]] : [])),
          ),
        },
      };
  }
}
