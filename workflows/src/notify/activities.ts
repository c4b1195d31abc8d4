import { ApplicationFailure } from '@temporalio/common';
import { decryptIdNumber, type Db, type IdentityKeys } from '@guanai/db';
import { faultPoint } from '../faults.ts';
import { ChannelError, channelFor, type Channel, type ChannelConfig } from './channels/index.ts';
import { composeMessage, type NotificationFacts } from './compose.ts';
import { sendableAt } from './quiet.ts';

/** One delivery the workflow is to make: its row, and when it may go (after quiet hours). */
export interface PlannedDelivery {
  deliveryId: string;
  channelKind: string;
  notBefore: string;
}

export interface NotifyDeps {
  db: Db;
  /** The key of stored secrets and mobiles, read when first needed (GUANAI_SECRET). */
  keys: () => IdentityKeys;
  /** The admin's address for links in messages (ADMIN_URL). */
  adminUrl?: string;
  /** Builds a channel from its configuration (tests may count the sends). */
  channelFor?: (config: ChannelConfig) => Channel;
}

/** The channel configuration as stored: encrypted JSON (the identity-number key). */
export function readChannelConfig(configEnc: string, keys: IdentityKeys): ChannelConfig {
  return JSON.parse(decryptIdNumber(configEnc, keys)) as ChannelConfig;
}

/** The delivery workflow's I/O: plan the deliveries of a notification, send one, give one up. */
export function createNotifyActivities({ db, keys, adminUrl, channelFor: build = channelFor }: NotifyDeps) {
  let cached: IdentityKeys | undefined;
  const key = () => (cached ??= keys());
  return {
    /**
     * One delivery row per channel the recipient wants this kind on and that is configured (the city's
     * mail server or SMS gateway; the robot of the recipient's unit), each with the time it may go:
     * now, or the end of the recipient's quiet hours unless the case is an emergency. Written once
     * (the rows are keyed by notification and channel), so a retry plans the same deliveries.
     */
    async planDeliveries({ notificationId }: { notificationId: string }): Promise<PlannedDelivery[]> {
      const [row] = await db.$queryRaw<
        {
          channels: unknown;
          quiet_hours: boolean;
          quiet_start: number;
          quiet_end: number;
          kind: string;
          emergency: boolean;
          unit_id: string;
        }[]
      >`
        SELECT p.channels, p.quiet_hours, p.quiet_start, p.quiet_end, n.kind, coalesce(c.emergency, false) AS emergency, u.org_unit_id AS unit_id
        FROM notification n
        JOIN notification_preference p ON p.user_id = n.user_id
        JOIN app_user u ON u.id = n.user_id
        LEFT JOIN "case" c ON c.id = n.case_id
        WHERE n.id = ${BigInt(notificationId)}`;
      if (!row) return [];
      const wanted = (row.channels as Record<string, string[] | undefined>)[row.kind] ?? [];
      const notBefore = new Date(
        sendableAt(Date.now(), { enabled: row.quiet_hours, start: row.quiet_start, end: row.quiet_end }, row.emergency),
      );
      if (wanted.length > 0) {
        await db.$executeRaw`
          INSERT INTO notification_delivery (notification_id, channel_id, not_before)
          SELECT DISTINCT ON (ch.kind) ${BigInt(notificationId)}, ch.id, ${notBefore}
          FROM notification_channel ch
          WHERE ch.enabled AND ch.kind = ANY(${wanted}::text[])
            AND (ch.unit_id IS NULL OR ch.unit_id = ${row.unit_id}::uuid)
          -- The unit's own robot before a city-wide one of the same kind.
          ORDER BY ch.kind, ch.unit_id NULLS LAST, ch.created_at
          ON CONFLICT (notification_id, channel_id) DO NOTHING`;
      }
      const deliveries = await db.$queryRaw<{ id: bigint; kind: string; not_before: Date }[]>`
        SELECT d.id, ch.kind, d.not_before FROM notification_delivery d JOIN notification_channel ch ON ch.id = d.channel_id
        WHERE d.notification_id = ${BigInt(notificationId)} AND d.status = 'PENDING' ORDER BY d.id`;
      return deliveries.map((d) => ({
        deliveryId: String(d.id),
        channelKind: d.kind,
        notBefore: d.not_before.toISOString(),
      }));
    },

    /**
     * Sends one delivery, unless this ledger already holds it as sent or failed (a retry after a
     * crash between the send and its record sends again with the same key, which the channel may use
     * to drop the repeat). Every try is an attempt row; a final refusal fails the delivery at once, a
     * passing one is thrown for Temporal to retry with backoff.
     */
    async sendDelivery({ deliveryId }: { deliveryId: string }): Promise<string> {
      const id = BigInt(deliveryId);
      const [d] = await db.$queryRaw<
        {
          status: string;
          receipt: string | null;
          config_enc: string;
          kind: string;
          case_id: string | null;
          case_no: string | null;
          emergency: boolean | null;
          task_kind: string | null;
          name: string;
          email: string | null;
          mobile_enc: string | null;
          body: unknown;
        }[]
      >`
        SELECT d.status, d.receipt, ch.config_enc, n.kind, n.case_id, c.case_no, c.emergency, t.kind AS task_kind,
               u.display_name AS name, p.email, p.mobile_enc, n.body
        FROM notification_delivery d
        JOIN notification_channel ch ON ch.id = d.channel_id
        JOIN notification n ON n.id = d.notification_id
        JOIN app_user u ON u.id = n.user_id
        LEFT JOIN notification_preference p ON p.user_id = n.user_id
        LEFT JOIN "case" c ON c.id = n.case_id
        LEFT JOIN task t ON t.id = n.task_id
        WHERE d.id = ${id}`;
      if (!d) throw ApplicationFailure.nonRetryable(`delivery ${deliveryId} does not exist`, 'NO_DELIVERY');
      if (d.status === 'SENT') return d.receipt ?? 'sent';
      if (d.status === 'FAILED') throw ApplicationFailure.nonRetryable('the delivery has failed for good', 'FAILED');
      const message = composeMessage({
        deliveryId,
        kind: d.kind,
        caseNo: d.case_no,
        caseId: d.case_id,
        taskKind: d.task_kind,
        emergency: d.emergency ?? false,
        digest: d.kind === 'DIGEST' ? (d.body as NotificationFacts['digest']) : null,
        ...(adminUrl ? { adminUrl } : {}),
      });
      const recipient = {
        name: d.name,
        email: d.email,
        mobile: d.mobile_enc ? decryptIdNumber(d.mobile_enc, key()) : null,
      };
      try {
        const { receipt } = await build(readChannelConfig(d.config_enc, key())).send(recipient, message);
        faultPoint('notify.after-send'); // sent, not yet recorded: the retry must not make two
        await db.$executeRaw`
          WITH sent AS (
            UPDATE notification_delivery SET status = 'SENT', sent_at = now(), receipt = ${receipt}, attempts = attempts + 1, last_error = NULL
            WHERE id = ${id} AND status = 'PENDING' RETURNING id
          )
          INSERT INTO notification_attempt (delivery_id, outcome, receipt) SELECT id, 'SENT', ${receipt} FROM sent`;
        return receipt;
      } catch (error) {
        if (!(error instanceof ChannelError)) throw error;
        const outcome = error.retryable ? 'RETRY' : 'FAILED';
        await db.$executeRaw`
          WITH tried AS (
            UPDATE notification_delivery SET attempts = attempts + 1, last_error = ${error.message},
              status = CASE WHEN ${outcome} = 'FAILED' THEN 'FAILED' ELSE status END,
              failed_at = CASE WHEN ${outcome} = 'FAILED' THEN now() ELSE failed_at END
            WHERE id = ${id} AND status = 'PENDING' RETURNING id
          )
          INSERT INTO notification_attempt (delivery_id, outcome, error) SELECT id, ${outcome}, ${error.message} FROM tried`;
        throw error.retryable
          ? ApplicationFailure.retryable(error.message, 'CHANNEL_RETRY')
          : ApplicationFailure.nonRetryable(error.message, 'CHANNEL_REFUSED');
      }
    },

    /** The policy's time is up: the delivery fails for good, visible to admins with its last error. */
    async giveUpDelivery({ deliveryId, reason }: { deliveryId: string; reason: string }): Promise<void> {
      await db.$executeRaw`
        WITH failed AS (
          UPDATE notification_delivery SET status = 'FAILED', failed_at = now(), last_error = coalesce(last_error, ${reason})
          WHERE id = ${BigInt(deliveryId)} AND status = 'PENDING' RETURNING id
        )
        INSERT INTO notification_attempt (delivery_id, outcome, error) SELECT id, 'FAILED', ${`gave up: ${reason}`} FROM failed`;
    },
  };
}

export type NotifyActivities = ReturnType<typeof createNotifyActivities>;
