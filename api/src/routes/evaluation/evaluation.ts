import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { SURVEY_QUESTIONS, type SurveyQuestion } from '@guanai/workflows/vocabulary';
import { visibleCases, within } from '../../auth/jurisdiction.ts';
import type { SessionUser } from '../../auth/session.ts';
import type { AppDeps, AppEnv } from '../../env.ts';
import { AppError, notFound } from '../../errors/app-error.ts';
import { validate } from '../../validation.ts';
import { ZYuan } from '../resources/resources.types.ts';
import { computeKpis, monthsBetween, type Kpis } from './kpis.ts';

const ZMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM');
const ZKpiQuery = z.object({ unitId: z.uuid('must be an org unit id').optional(), period: ZMonth }).strict();
const ZTrendQuery = z
  .object({ unitId: z.uuid('must be an org unit id').optional(), from: ZMonth, to: ZMonth })
  .strict()
  .refine((q) => q.from <= q.to, { path: ['to'], message: 'must not be before from' })
  .refine((q) => monthsBetween(q.from, q.to).length <= 36, { path: ['from'], message: 'at most 36 months' });
const ZExportQuery = z.object({ unitId: z.uuid().optional(), from: ZMonth, to: ZMonth }).strict();
const Score = z.number().int().min(1).max(5);
const ZAnswers = z
  .object({
    ...({ satisfaction: Score, timeliness: Score, respect: Score } satisfies Record<SurveyQuestion, typeof Score>),
    comment: z.string().trim().max(1000).optional(),
  })
  .strict();
const ZSelfReport = z
  .object({
    period: ZMonth,
    served: z.number().int().min(0).max(1_000_000),
    hours: z.number().min(0).max(1e7).optional(),
    spent: ZYuan.optional(),
    narrative: z.string().trim().min(10, 'at least 10 characters').max(4000),
    score: z.number().min(0).max(100),
  })
  .strict();
const ZSupervision = z
  .object({
    period: ZMonth,
    unitId: z.uuid().optional(),
    resourceId: z.uuid().optional(),
    score: z.number().min(0).max(100),
    comment: z.string().trim().max(2000).optional(),
  })
  .strict()
  .refine((s) => (s.unitId === undefined) !== (s.resourceId === undefined), {
    path: ['unitId'],
    message: 'score either a center (unitId) or a purchased-service contract (resourceId)',
  });

const SURVEY_LINK_DAYS = 14;
const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');
const scoreOf = (a: z.infer<typeof ZAnswers>) =>
  Math.round(((a.satisfaction + a.timeliness + a.respect) / 3) * 100) / 100;
const isUniqueViolation = (error: unknown) =>
  (error as { code?: string })?.code === 'P2002' || /unique constraint/i.test(String((error as Error)?.message));
/** §四(八): one survey per follow-up visit, whoever records it (the caseworker, or the recipient through the link). */
const alreadySurveyed = () =>
  new AppError('CONFLICT', {
    message:
      'this follow-up visit already has its satisfaction survey (one per visit, by the caseworker or through the link)',
    reason: 'ALREADY_SURVEYED',
  });

const KPI_COLUMNS: [keyof Kpis, string][] = [
  ['period', '月份'],
  ['cases', '新增个案'],
  ['firstResponseHours', '首次响应(小时,中位数)'],
  ['slaCompliance', '时限达标率'],
  ['tasksCompleted', '完成任务'],
  ['escalationRate', '上报率'],
  ['resolutionRate', '解决率'],
  ['reopenRate', '重新开案率'],
  ['costPerResolvedCase', '每解决个案资金(元)'],
  ['satisfaction', '满意度(1-5)'],
  ['surveys', '评价份数'],
  ['supervisionScore', '督导评分'],
];

export function evaluationRoutes(deps: AppDeps) {
  const { db } = deps;

  /** The center asked for (the caller's own by default), inside the caller's jurisdiction. */
  async function centerOf(user: SessionUser, unitId: string | undefined) {
    const unit = await db.orgUnit.findUnique({
      where: { id: unitId ?? user.orgUnit.id },
      select: { id: true, name: true, level: true, path: true },
    });
    if (!unit || !within(user, unit.path)) throw notFound('org unit');
    return unit;
  }

  return (
    new Hono<AppEnv>()
      /** Supervisors and managers: one center's KPIs for a month. */
      .get('/kpis', validate('query', ZKpiQuery), async (c) => {
        const { unitId, period } = c.req.valid('query');
        const unit = await centerOf(c.get('user'), unitId);
        return c.json({ unit, ...(await computeKpis(db, unit, period)) });
      })
      /** The centers below one (a district's townships, the city's districts), side by side for a month. */
      .get('/kpis/compare', validate('query', ZKpiQuery), async (c) => {
        const { unitId, period } = c.req.valid('query');
        const parent = await centerOf(c.get('user'), unitId);
        const children = await db.orgUnit.findMany({
          where: { parentId: parent.id, level: { not: 'COMMUNITY' } },
          select: { id: true, name: true, level: true, path: true },
          orderBy: { code: 'asc' },
        });
        return c.json(
          await Promise.all(
            [parent, ...children].map(async (unit) => ({ unit, ...(await computeKpis(db, unit, period)) })),
          ),
        );
      })
      /** One center month by month. */
      .get('/kpis/trend', validate('query', ZTrendQuery), async (c) => {
        const { unitId, from, to } = c.req.valid('query');
        const unit = await centerOf(c.get('user'), unitId);
        const months = monthsBetween(from, to);
        return c.json({ unit, months: await Promise.all(months.map((period) => computeKpis(db, unit, period))) });
      })
      /** The trend as CSV (UTF-8 with BOM). */
      .get('/kpis/export', validate('query', ZExportQuery), async (c) => {
        const { unitId, from, to } = c.req.valid('query');
        if (from > to || monthsBetween(from, to).length > 36)
          throw new AppError('VALIDATION', { message: 'from must not be after to, at most 36 months', field: 'from' });
        const unit = await centerOf(c.get('user'), unitId);
        const rows = await Promise.all(monthsBetween(from, to).map((period) => computeKpis(db, unit, period)));
        const csv = stringify(
          rows.map((k) => [unit.name, ...KPI_COLUMNS.map(([key]) => k[key] ?? '')]),
          { header: true, columns: ['中心', ...KPI_COLUMNS.map(([, label]) => label)] },
        );
        return c.body(`\uFEFF${csv}`, 200, {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': `attachment; filename="kpis-${from}-${to}.csv"`,
        });
      })
      /**
       * Caseworkers and supervisors, at the follow-up visit (or after it, once the case is closed): the
       * recipient's satisfaction, taken by the caseworker (with answers) or as a one-time link for the
       * recipient's phone (without; the token is shown once). One survey per visit (§四(八)): the visit's
       * FOLLOW_UP task is the survey's slot, which the caseworker and the link share. A link not yet
       * answered is replaced by a new one, or by the caseworker's entry; an answered one is 409.
       */
      .post(
        '/cases/:id/surveys',
        validate('param', z.object({ id: z.uuid() })),
        validate('json', z.object({ answers: ZAnswers.optional() }).strict()),
        async (c) => {
          const user = c.get('user');
          const row = await db.case.findFirst({
            where: { id: c.req.valid('param').id, ...visibleCases(user) },
            select: { id: true, state: true },
          });
          if (!row) throw notFound('case');
          const atVisit = row.state === 'followUp' || row.state === 'followUp.visiting';
          if (!atVisit && !row.state.startsWith('closed')) {
            throw new AppError('CONFLICT', {
              message: `the satisfaction survey is taken at the follow-up visit (the case is in ${row.state})`,
              reason: 'NOT_ALLOWED_IN_STATE',
            });
          }
          const visit = await db.task.findFirst({
            where: { caseId: row.id, kind: 'FOLLOW_UP', status: atVisit ? 'OPEN' : 'DONE' },
            orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
            select: { id: true },
          });
          if (!visit)
            throw new AppError('CONFLICT', {
              message: 'the case has had no follow-up visit: there is no survey to take',
              reason: 'NOT_ALLOWED_IN_STATE',
            });
          const slot = await db.survey.findUnique({
            where: { followUpTaskId: visit.id },
            select: { id: true, submittedAt: true },
          });
          if (slot?.submittedAt) throw alreadySurveyed();
          const { answers } = c.req.valid('json');
          const token = answers ? null : randomBytes(24).toString('base64url');
          const data = answers
            ? {
                channel: 'CASEWORKER' as const,
                answers,
                score: scoreOf(answers),
                submittedAt: new Date(),
                expiresAt: null,
              }
            : {
                channel: 'RECIPIENT_LINK' as const,
                tokenHash: tokenHash(token!),
                expiresAt: new Date(Date.now() + SURVEY_LINK_DAYS * 86_400_000),
              };
          let id: string;
          if (slot) {
            // A link is out and unanswered: this entry or new link takes its place (the link it replaces no longer opens).
            const taken = await db.survey.updateMany({
              where: { id: slot.id, submittedAt: null },
              data: { ...data, createdById: user.id },
            });
            if (taken.count === 0) throw alreadySurveyed();
            id = slot.id;
          } else {
            id = randomUUID();
            await db.survey
              .create({ data: { id, caseId: row.id, followUpTaskId: visit.id, ...data, createdById: user.id } })
              .catch((error: unknown) => {
                throw isUniqueViolation(error) ? alreadySurveyed() : error;
              });
          }
          if (answers) return c.json({ id, channel: 'CASEWORKER', score: scoreOf(answers) }, 201);
          return c.json(
            {
              id,
              channel: 'RECIPIENT_LINK',
              link: `/survey.html#${token}`,
              token,
              expiresAt: data.expiresAt!.toISOString(),
            },
            201,
          );
        },
      )
      /** Partners: their self-report on one of their resources for a month, once. */
      .post(
        '/resources/:id/self-reports',
        validate('param', z.object({ id: z.uuid() })),
        validate('json', ZSelfReport),
        async (c) => {
          const user = c.get('user');
          const resource = await db.resource.findFirst({
            where: {
              id: c.req.valid('param').id,
              providerId: user.partnerId ?? '00000000-0000-0000-0000-000000000000',
            },
            select: { id: true },
          });
          if (!resource) throw notFound('resource');
          const body = c.req.valid('json');
          if (
            await db.selfReport.findUnique({
              where: { resourceId_period: { resourceId: resource.id, period: body.period } },
              select: { id: true },
            })
          ) {
            throw new AppError('CONFLICT', {
              message: 'this month is already reported',
              field: 'period',
              reason: 'ALREADY_REPORTED',
            });
          }
          const report = await db.selfReport.create({
            data: {
              ...body,
              spent: body.spent ?? null,
              hours: body.hours ?? null,
              resourceId: resource.id,
              createdById: user.id,
            },
          });
          return c.json({ id: report.id }, 201);
        },
      )
      /** Supervisors, managers and admins over its coverage: what a resource's organisation reports and what the department found. */
      .get('/resources/:id/evaluations', validate('param', z.object({ id: z.uuid() })), async (c) => {
        const resource = await db.resource.findUnique({
          where: { id: c.req.valid('param').id },
          select: { id: true, coverageUnit: { select: { path: true } } },
        });
        if (!resource || !within(c.get('user'), resource.coverageUnit.path)) throw notFound('resource');
        const id = resource.id;
        const [reports, scores] = await Promise.all([
          db.selfReport.findMany({ where: { resourceId: id }, orderBy: { period: 'desc' } }),
          db.supervisionScore.findMany({ where: { resourceId: id }, orderBy: { period: 'desc' } }),
        ]);
        return c.json({
          selfReports: reports.map((r) => ({
            id: r.id,
            period: r.period,
            served: r.served,
            hours: r.hours,
            spent: r.spent === null ? null : Number(r.spent),
            narrative: r.narrative,
            score: r.score,
          })),
          supervision: scores.map((s) => ({ id: s.id, period: s.period, score: s.score, comment: s.comment })),
        });
      })
      /** Managers (the administering department): a supervision score for a center or a purchased-service contract in their jurisdiction. */
      .post('/supervision-scores', validate('json', ZSupervision), async (c) => {
        const user = c.get('user');
        const body = c.req.valid('json');
        if (body.unitId) {
          const unit = await db.orgUnit.findUnique({ where: { id: body.unitId }, select: { level: true, path: true } });
          if (!unit || !within(user, unit.path) || unit.level === 'COMMUNITY')
            throw new AppError('VALIDATION', { message: 'is not a center in your jurisdiction', field: 'unitId' });
        } else {
          const resource = await db.resource.findUnique({
            where: { id: body.resourceId! },
            select: { kind: true, coverageUnit: { select: { path: true } } },
          });
          if (!resource || resource.kind !== 'PURCHASED_SERVICE')
            throw new AppError('VALIDATION', { message: 'is not a purchased-service contract', field: 'resourceId' });
          if (!within(user, resource.coverageUnit.path))
            throw new AppError('VALIDATION', {
              message: 'is a purchased-service contract outside your jurisdiction',
              field: 'resourceId',
            });
        }
        const existing = await db.supervisionScore.findFirst({
          where: { period: body.period, unitId: body.unitId ?? null, resourceId: body.resourceId ?? null },
          select: { id: true },
        });
        if (existing)
          throw new AppError('CONFLICT', {
            message: 'already scored for this month',
            field: 'period',
            reason: 'ALREADY_SCORED',
          });
        const score = await db.supervisionScore.create({
          data: {
            period: body.period,
            unitId: body.unitId ?? null,
            resourceId: body.resourceId ?? null,
            score: body.score,
            comment: body.comment ?? null,
            createdById: user.id,
          },
        });
        return c.json({ id: score.id }, 201);
      })
  );
}

/** The recipient's side of a survey link, without signing in: what to answer, and answering once. */
export function publicSurveyRoutes(deps: AppDeps) {
  const { db } = deps;
  const ZToken = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/, 'is not a survey link') });

  /** The link's survey, unanswered: a wrong or expired link is 404; a visit already surveyed (through this link or by the caseworker) is 409. */
  async function open(token: string) {
    const survey = await db.survey.findUnique({
      where: { tokenHash: tokenHash(token) },
      include: { case: { select: { originUnit: { select: { parent: { select: { name: true } } } } } } },
    });
    if (!survey) throw notFound('survey (the link is wrong, or was replaced by a newer one)');
    if (survey.submittedAt) throw alreadySurveyed();
    if (survey.expiresAt && survey.expiresAt < new Date()) throw notFound('survey (the link has expired)');
    return survey;
  }

  return new Hono<AppEnv>()
    .get('/surveys/:token', validate('param', ZToken), async (c) => {
      const survey = await open(c.req.valid('param').token);
      return c.json({
        center: survey.case.originUnit.parent?.name ?? null,
        questions: SURVEY_QUESTIONS,
        expiresAt: survey.expiresAt?.toISOString() ?? null,
      });
    })
    .post('/surveys/:token', validate('param', ZToken), validate('json', ZAnswers), async (c) => {
      const survey = await open(c.req.valid('param').token);
      const answers = c.req.valid('json');
      // The token stays with the answered survey, so that the link answers 409 from now on, not 404.
      const used = await db.survey.updateMany({
        where: { id: survey.id, submittedAt: null, tokenHash: survey.tokenHash },
        data: { answers, score: scoreOf(answers), submittedAt: new Date() },
      });
      if (used.count === 0) throw alreadySurveyed();
      return c.body(null, 204);
    });
}
