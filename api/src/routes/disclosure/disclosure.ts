import { Hono } from 'hono';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { CASES_TASK_QUEUE, type DisclosedRow, type DisclosureInput, type PublishResult } from '@guanai/workflows';
import type { DeliveryKind, NeedCategory } from '@guanai/workflows/vocabulary';
import type { AppDeps, AppEnv } from '../../env.ts';
import { AppError, notFound } from '../../errors/app-error.ts';
import { validate } from '../../validation.ts';

const CATEGORY_ZH: Record<string, string> = {
  BASIC_LIVING: '基本生活',
  MEDICAL: '医疗',
  EDUCATION: '教育',
  HOUSING: '住房',
  EMPLOYMENT: '就业',
  CARE: '照护',
  PSYCHOLOGICAL: '心理',
  LEGAL: '法律',
  EMERGENCY: '急难',
  OTHER: '其他',
} satisfies Record<NeedCategory, string>;
const KIND_ZH: Record<string, string> = { MONEY: '资金', GOODS: '物资', SERVICE: '服务' } satisfies Record<
  DeliveryKind,
  string
>;

const ZPeriod = z.object({ period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM') });
const ZVersion = z.object({ version: z.coerce.number().int().min(1).optional() }).strict();

/** §四(七) 过程信息公开, read by anyone without signing in: the published months, as published. */
export function publicDisclosureRoutes(deps: AppDeps) {
  const { db } = deps;

  async function snapshotOf(period: string, version?: number) {
    const row = await db.disclosureSnapshot.findFirst({
      where: { period, ...(version ? { version } : {}) },
      orderBy: { version: 'desc' },
    });
    if (!row) throw notFound(`disclosure ${period}${version ? ` version ${version}` : ''}`);
    return row;
  }

  return (
    new Hono<AppEnv>()
      /** Every published month with its versions (corrections appear as versions, never as edits). */
      .get('/disclosures', async (c) => {
        const rows = await db.disclosureSnapshot.findMany({
          select: { period: true, version: true, kind: true, publishedAt: true, suppressed: true },
          orderBy: [{ period: 'desc' }, { version: 'asc' }],
        });
        const periods = new Map<
          string,
          { period: string; versions: { version: number; kind: string; publishedAt: string }[] }
        >();
        for (const r of rows) {
          const entry = periods.get(r.period) ?? { period: r.period, versions: [] };
          entry.versions.push({ version: r.version, kind: r.kind, publishedAt: r.publishedAt.toISOString() });
          periods.set(r.period, entry);
        }
        return c.json([...periods.values()]);
      })
      /** One month: the latest version (or ?version=n) in full, and the list of its versions. */
      .get('/disclosures/:period', validate('param', ZPeriod), validate('query', ZVersion), async (c) => {
        const { period } = c.req.valid('param');
        const snapshot = await snapshotOf(period, c.req.valid('query').version);
        const versions = await db.disclosureSnapshot.findMany({
          where: { period },
          select: { version: true, kind: true, reason: true, publishedAt: true, hash: true, prevHash: true },
          orderBy: { version: 'asc' },
        });
        return c.json({
          period,
          version: snapshot.version,
          kind: snapshot.kind,
          reason: snapshot.reason,
          publishedAt: snapshot.publishedAt.toISOString(),
          hash: snapshot.hash,
          threshold: snapshot.threshold,
          suppressed: snapshot.suppressed,
          rows: snapshot.rows,
          projects: snapshot.projects,
          versions: versions.map((v) => ({ ...v, publishedAt: v.publishedAt.toISOString() })),
        });
      })
      /** One month's rows as CSV (UTF-8 with BOM), as published. */
      .get('/disclosures/:period/csv', validate('param', ZPeriod), validate('query', ZVersion), async (c) => {
        const { period } = c.req.valid('param');
        const snapshot = await snapshotOf(period, c.req.valid('query').version);
        const rows = snapshot.rows as unknown as DisclosedRow[];
        const csv = stringify(
          rows.map((r) => [
            r.month,
            r.recipient,
            r.township,
            CATEGORY_ZH[r.category] ?? r.category,
            r.resource,
            KIND_ZH[r.kind] ?? r.kind,
            r.amount ?? '',
            r.hours ?? '',
            r.quantity ?? '',
          ]),
          {
            header: true,
            columns: [
              '月份',
              '受助人',
              '乡镇(街道)',
              '需求类别',
              '援助项目',
              '援助方式',
              '金额(元)',
              '服务时长(小时)',
              '数量',
            ],
          },
        );
        const note = `# 版本 ${snapshot.version} (${snapshot.kind}); 因人数少于 ${snapshot.threshold} 人未公开 ${snapshot.suppressed} 条\n`;
        return c.body(`\uFEFF${csv}${note}`, 200, {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': `attachment; filename="disclosure-${period}-v${snapshot.version}.csv"`,
        });
      })
  );
}

/**
 * Managers and admins of the city: publish a month now (the schedule does it monthly), through the
 * same workflow. The disclosure is one city-wide snapshot (§四(七)), so a district's manager, who
 * answers for part of it only, does not publish it for everyone.
 */
export function disclosureRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().post('/:period/publish', validate('param', ZPeriod), async (c) => {
    const user = c.get('user');
    if (user.orgUnit.level !== 'CITY') {
      throw new AppError('FORBIDDEN', {
        message: `the disclosure is city-wide: it is published by the city's managers, not at ${user.orgUnit.name}`,
      });
    }
    const { period } = c.req.valid('param');
    if (period >= new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7)) {
      throw new AppError('VALIDATION', { message: 'only a month that has ended can be published', field: 'period' });
    }
    const input: DisclosureInput = { period, threshold: deps.disclosureThreshold ?? 3 };
    const result = await deps.temporal.workflow.execute<(input: DisclosureInput) => Promise<PublishResult>>(
      'disclosureWorkflow',
      {
        taskQueue: deps.taskQueue ?? CASES_TASK_QUEUE,
        workflowId: `disclosure-${period}-${c.get('requestId')}`,
        args: [input],
      },
    );
    return c.json(result);
  });
}
