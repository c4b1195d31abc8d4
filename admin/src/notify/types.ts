import type { InferResponseType } from 'hono/client';
import { NOTIFICATION_KINDS } from '@guanai/workflows/vocabulary';
import type { api, JsonOf } from '../providers/api.ts';

/** A channel as the API lists it: its settings with every secret shown as 已设置 or *** (never the value). */
export type Channel = InferResponseType<typeof api.notify.channels.$get, 200>[number];
export type ChannelKind = Channel['kind'];
/** What an admin sends: a secret left out of `config` keeps the stored one. */
export type ChannelInput = JsonOf<typeof api.notify.channels.$post>;
export type ChannelConfigInput = ChannelInput['config'];

export type Preference = InferResponseType<typeof api.notify.preferences.me.$get, 200>;
export type PreferenceInput = JsonOf<typeof api.notify.preferences.me.$put>;

export type Delivery = InferResponseType<typeof api.notify.deliveries.$get, 200>[number];

/** The order of the channels in the admin (the API's CHANNEL_KINDS, held to it by the type). */
export const CHANNEL_KINDS = [
  'EMAIL',
  'WECOM_ROBOT',
  'DINGTALK_ROBOT',
  'SMS',
] as const satisfies readonly ChannelKind[];
type Missing = Exclude<ChannelKind, (typeof CHANNEL_KINDS)[number]>;
// A channel kind the API adds and this list lacks fails tsc here.
const _allKinds: Missing extends never ? true : never = true;
void _allKinds;

/** The kinds a user chooses channels for: every kind a notification may be (the morning digest among them). */
export const NOTIFY_KINDS = NOTIFICATION_KINDS;

/** Minutes after midnight ↔ the HH:mm of a time input. */
export const toHHmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
export function toMinutes(hhmm: string): number | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(hhmm.trim());
  if (!match) return null;
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  return hours < 24 && minutes < 60 ? hours * 60 + minutes : null;
}
