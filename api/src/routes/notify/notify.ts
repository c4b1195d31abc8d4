import { randomUUID } from 'node:crypto';
import { decryptIdNumber, encryptIdNumber, maskPhone, type Prisma } from '@guanai/db';
import {
  ChannelError,
  channelFor,
  readChannelConfig,
  redactChannel,
  type ChannelConfig,
} from '@guanai/workflows/notify';
import type { AppDeps } from '../../env.ts';
import { AppError, notFound } from '../../errors/app-error.ts';
import { createRouter } from '../../openapi/router.ts';
import { contentRange } from '../../validation.ts';
import {
  createChannel,
  getMyPreference,
  getUserPreference,
  listChannels,
  listDeliveries,
  putMyPreference,
  putUserPreference,
  testChannel,
  updateChannel,
  type TChannelInput,
  type TPreferenceInput,
} from './notify.types.ts';

const channelInclude = { unit: { select: { name: true } } } as const;
type ChannelRow = Prisma.NotificationChannelGetPayload<{ include: typeof channelInclude }>;

/** Routes under /api/notify (issue 18): channels (admins), preferences, deliveries and their attempts. */
export function notifyRoutes(deps: AppDeps) {
  const { db, keys } = deps;

  const toChannel = (row: ChannelRow) => ({
    id: row.id,
    kind: row.kind as ChannelConfig['kind'],
    name: row.name,
    unitId: row.unitId,
    unitName: row.unit?.name ?? null,
    enabled: row.enabled,
    config: redactChannel(readChannelConfig(row.configEnc, keys)),
    updatedAt: row.updatedAt.toISOString(),
  });

  /** The settings to store: what was sent, with each secret left out taken from the stored ones. */
  const merged = (input: TChannelInput, stored: ChannelConfig | null): ChannelConfig => {
    const config = { ...(stored?.kind === input.config.kind ? stored : {}), ...dropUndefined(input.config) };
    const missing =
      (config.kind === 'WECOM_ROBOT' || config.kind === 'DINGTALK_ROBOT') &&
      !('webhookUrl' in config && config.webhookUrl)
        ? 'webhookUrl'
        : null;
    if (missing) {
      throw new AppError('VALIDATION', {
        message: 'is required: a robot needs its webhook',
        field: `config.${missing}`,
      });
    }
    return config as ChannelConfig;
  };

  const checkUnit = async (unitId: string | null, kind: string) => {
    if (unitId === null) return;
    if (kind === 'EMAIL' || kind === 'SMS') {
      throw new AppError('VALIDATION', {
        message: 'must be null: a mail server or SMS gateway serves the whole city',
        field: 'unitId',
      });
    }
    if (!(await db.orgUnit.findUnique({ where: { id: unitId }, select: { id: true } }))) {
      throw new AppError('VALIDATION', { message: 'is not an org unit', field: 'unitId' });
    }
  };

  const readPreference = async (userId: string) => {
    const row = await db.notificationPreference.findUnique({ where: { userId } });
    return {
      userId,
      email: row?.email ?? null,
      mobile: row?.mobileMasked ?? null,
      channels: (row?.channels ?? {}) as Record<string, ChannelConfig['kind'][]>,
      quietHours: { enabled: row?.quietHours ?? true, start: row?.quietStart ?? 1320, end: row?.quietEnd ?? 420 },
    };
  };

  const writePreference = async (userId: string, input: TPreferenceInput) => {
    if (!(await db.user.findUnique({ where: { id: userId }, select: { id: true } }))) throw notFound('user');
    const data = {
      ...(input.email !== undefined ? { email: input.email } : {}),
      ...(input.mobile !== undefined
        ? {
            mobileEnc: input.mobile === null ? null : encryptIdNumber(input.mobile, keys),
            mobileMasked: input.mobile === null ? null : maskPhone(input.mobile),
          }
        : {}),
      channels: input.channels,
      quietHours: input.quietHours.enabled,
      quietStart: input.quietHours.start,
      quietEnd: input.quietHours.end,
      updatedAt: new Date(),
    };
    await db.notificationPreference.upsert({ where: { userId }, create: { userId, ...data }, update: data });
    return readPreference(userId);
  };

  return (
    createRouter()
      /** Admins: every channel, secrets shown only as set or not. */
      .openapi(listChannels, async (c) => {
        const rows = await db.notificationChannel.findMany({
          include: channelInclude,
          orderBy: [{ kind: 'asc' }, { name: 'asc' }],
        });
        return c.json(rows.map(toChannel), 200);
      })
      /** Admins: adds a channel; its settings, secrets included, are stored encrypted. */
      .openapi(createChannel, async (c) => {
        const input = c.req.valid('json');
        await checkUnit(input.unitId, input.config.kind);
        const config = merged(input, null);
        const row = await db.notificationChannel.create({
          data: {
            id: randomUUID(),
            kind: config.kind,
            name: input.name,
            unitId: input.unitId,
            enabled: input.enabled,
            configEnc: encryptIdNumber(JSON.stringify(config), keys),
          },
          include: channelInclude,
        });
        return c.json(toChannel(row), 201);
      })
      /** Admins: changes a channel; a secret left out keeps its stored value; the kind cannot change. */
      .openapi(updateChannel, async (c) => {
        const { id } = c.req.valid('param');
        const input = c.req.valid('json');
        const stored = await db.notificationChannel.findUnique({ where: { id } });
        if (!stored) throw notFound('channel');
        if (stored.kind !== input.config.kind) {
          throw new AppError('VALIDATION', {
            message: `must stay ${stored.kind}: a channel keeps its kind`,
            field: 'config.kind',
          });
        }
        await checkUnit(input.unitId, input.config.kind);
        const config = merged(input, readChannelConfig(stored.configEnc, keys));
        const row = await db.notificationChannel.update({
          where: { id },
          data: {
            name: input.name,
            unitId: input.unitId,
            enabled: input.enabled,
            configEnc: encryptIdNumber(JSON.stringify(config), keys),
            updatedAt: new Date(),
          },
          include: channelInclude,
        });
        return c.json(toChannel(row), 200);
      })
      /**
       * Admins: sends a test message now, to the addresses given or the admin's own, and answers what
       * the channel said (a refusal is an answer, not an error of ours). Nothing is written.
       */
      .openapi(testChannel, async (c) => {
        const { id } = c.req.valid('param');
        const body = c.req.valid('json');
        const user = c.get('user');
        const stored = await db.notificationChannel.findUnique({ where: { id } });
        if (!stored) throw notFound('channel');
        const own = await db.notificationPreference.findUnique({ where: { userId: user.id } });
        const recipient = {
          name: user.displayName,
          email: body.email ?? own?.email ?? null,
          mobile: body.mobile ?? (own?.mobileEnc ? decryptIdNumber(own.mobileEnc, keys) : null),
        };
        try {
          const { receipt } = await channelFor(readChannelConfig(stored.configEnc, keys)).send(recipient, {
            key: `guanai-test-${randomUUID()}`,
            kind: 'TEST',
            subject: '关爱援助通知渠道测试',
            body: `这是一条来自「${stored.name}」的测试消息。收到即表示该渠道配置正确。`,
            params: { caseNo: 'TEST', task: '测试' },
          });
          return c.json({ ok: true, receipt, error: null }, 200);
        } catch (error) {
          if (!(error instanceof ChannelError)) throw error;
          return c.json({ ok: false, receipt: null, error: error.message }, 200);
        }
      })
      /** Signed-in user: my addresses, channels per kind and quiet hours (the mobile masked). */
      .openapi(getMyPreference, async (c) => c.json(await readPreference(c.get('user').id), 200))
      /** Signed-in user: sets my preferences; the mobile is stored encrypted. */
      .openapi(putMyPreference, async (c) => c.json(await writePreference(c.get('user').id, c.req.valid('json')), 200))
      /** Admins: a user's preferences. */
      .openapi(getUserPreference, async (c) => {
        const { userId } = c.req.valid('param');
        if (!(await db.user.findUnique({ where: { id: userId }, select: { id: true } }))) throw notFound('user');
        return c.json(await readPreference(userId), 200);
      })
      /** Admins: sets a user's preferences. */
      .openapi(putUserPreference, async (c) =>
        c.json(await writePreference(c.req.valid('param').userId, c.req.valid('json')), 200),
      )
      /** Admins: every delivery (filter FAILED to see what did not arrive); others: their own. */
      .openapi(listDeliveries, async (c) => {
        const user = c.get('user');
        const { filter = {}, sort, range } = c.req.valid('query');
        const where: Prisma.NotificationDeliveryWhereInput = {
          ...(user.role === 'ADMIN' ? {} : { notification: { userId: user.id } }),
          ...(filter.notificationId ? { notificationId: BigInt(filter.notificationId) } : {}),
          ...(filter.status ? { status: filter.status } : {}),
        };
        const [rows, total] = await Promise.all([
          db.notificationDelivery.findMany({
            where,
            include: {
              channel: { select: { kind: true, name: true } },
              notification: {
                select: { kind: true, user: { select: { displayName: true } }, case: { select: { caseNo: true } } },
              },
              attemptLog: { orderBy: { id: 'asc' }, take: 50 },
            },
            orderBy: [{ createdAt: sort[1] === 'ASC' ? 'asc' : 'desc' }, { id: 'desc' }],
            skip: range[0],
            take: range[1] - range[0] + 1,
          }),
          db.notificationDelivery.count({ where }),
        ]);
        c.header('Content-Range', contentRange('deliveries', range, rows.length, total));
        return c.json(
          rows.map((d) => ({
            id: String(d.id),
            notificationId: String(d.notificationId),
            kind: d.notification.kind,
            recipientName: d.notification.user.displayName,
            caseNo: d.notification.case?.caseNo ?? null,
            channelKind: d.channel.kind as ChannelConfig['kind'],
            channelName: d.channel.name,
            status: d.status as 'PENDING' | 'SENT' | 'FAILED',
            notBefore: d.notBefore.toISOString(),
            attempts: d.attempts,
            lastError: d.lastError,
            sentAt: d.sentAt?.toISOString() ?? null,
            failedAt: d.failedAt?.toISOString() ?? null,
            attemptLog: d.attemptLog.map((a) => ({
              at: a.at.toISOString(),
              outcome: a.outcome as 'SENT' | 'RETRY' | 'FAILED',
              error: a.error,
            })),
          })),
          200,
        );
      })
  );
}

const dropUndefined = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
