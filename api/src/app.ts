import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { routePath } from 'hono/route';
import { authorize } from './auth/middleware.ts';
import type { AppDeps, AppEnv } from './env.ts';
import { AppError } from './errors/app-error.ts';
import { isUnavailable, RETRY_AFTER_SECONDS } from './errors/unavailable.ts';
import { createMetrics } from './metrics.ts';
import { authRoutes } from './routes/auth/auth.ts';
import { caseRoutes } from './routes/cases/cases.ts';
import { taskRoutes } from './routes/tasks/tasks.ts';
import { attachmentRoutes } from './routes/attachments/attachments.ts';
import { notificationRoutes } from './routes/notifications/notifications.ts';
import { slaRoutes } from './routes/sla/sla.ts';
import { orgUnitRoutes } from './routes/org-units/org-units.ts';
import { peopleRoutes } from './routes/people/people.ts';
import { householdRoutes } from './routes/households/households.ts';
import { userRoutes } from './routes/users/users.ts';
import { matchRoutes } from './routes/matches/matches.ts';
import { deliveryRoutes } from './routes/deliveries/deliveries.ts';
import { notifyRoutes } from './routes/notify/notify.ts';
import { resourceRoutes } from './routes/resources/resources.ts';
import { donationRoutes } from './routes/donations/donations.ts';
import { partnerRoutes } from './routes/partners/partners.ts';
import { projectRoutes } from './routes/projects/projects.ts';
import { publicRoutes } from './routes/public/public.ts';
import { disclosureRoutes } from './routes/disclosures/disclosures.ts';
import { kpiRoutes } from './routes/kpis/kpis.ts';
import { supervisionScoreRoutes } from './routes/supervision-scores/supervision-scores.ts';
import { meetingRoutes } from './routes/meetings/meetings.ts';
import { departmentRoutes } from './routes/departments/departments.ts';
import { demoRoutes } from './routes/demo/demo.ts';
import { absenceRoutes } from './routes/absences/absences.ts';
import { colleagueRoutes } from './routes/colleagues/colleagues.ts';
import { homeRoutes } from './routes/home/home.ts';
import { savedViewRoutes } from './routes/saved-views/saved-views.ts';
import { applicationRoutes } from './routes/applications/applications.ts';
import { formRoutes } from './routes/forms/forms.ts';
import { eligibilityRoutes } from './routes/eligibility/eligibility.ts';
import { volunteerRoutes } from './routes/volunteers/volunteers.ts';
import { volunteerAssignmentRoutes } from './routes/volunteer-assignments/volunteer-assignments.ts';
import { createCaseClient } from './temporal/case-client.ts';
import { requestScopedDb } from './request/scope.ts';
import { openApiDocument } from './openapi/document.ts';
import { referencePage } from './openapi/reference-page.ts';
import { checkResponses } from './openapi/response-check.ts';
import { createRouter } from './openapi/router.ts';
import { writeRequests } from './request/write-requests.ts';

const PROBLEM = 'application/problem+json';

export function createApp(given: AppDeps) {
  // Handlers get a `db` that runs a write request's statements in its transaction (request/scope.ts).
  const deps: AppDeps = { ...given, db: requestScopedDb(given.db) };
  const cases = createCaseClient(deps.temporal, deps.taskQueue);
  const metrics = createMetrics();
  const app = new Hono<AppEnv>();

  app.use('*', async (c, next) => {
    const started = performance.now();
    c.set('requestId', c.req.header('x-request-id') ?? randomUUID());
    await next();
    c.header('X-Request-Id', c.get('requestId'));
    metrics.observe(c.req.method, routePath(c), c.res.status, (performance.now() - started) / 1000);
  });
  // ra-data-simple-rest reads the total from Content-Range.
  app.use('/api/*', async (c, next) => {
    await next();
    c.header('Access-Control-Expose-Headers', 'Content-Range');
    c.header('Cache-Control', 'no-store');
  });
  app.get('/healthz', async (c) => {
    const checks = await Promise.allSettled([
      deps.db.$queryRaw`SELECT 1`,
      deps.temporal.workflowService.getSystemInfo({}),
    ]);
    const [database, temporal] = checks.map((r) => (r.status === 'fulfilled' ? 'ok' : 'down'));
    const ok = database === 'ok' && temporal === 'ok';
    return c.json({ status: ok ? 'ok' : 'degraded', database, temporal }, ok ? 200 : 503);
  });
  app.get('/metrics', (c) => c.text(metrics.render(), 200, { 'Content-Type': 'text/plain; version=0.0.4' }));

  const api = createRouter()
    .route('/auth', authRoutes(deps))
    .route('/cases', caseRoutes(deps, cases))
    .route('/tasks', taskRoutes(deps, cases))
    .route('/attachments', attachmentRoutes(deps))
    .route('/notifications', notificationRoutes(deps))
    .route('/sla', slaRoutes(deps))
    .route('/org-units', orgUnitRoutes(deps))
    .route('/users', userRoutes(deps))
    .route('/people', peopleRoutes(deps))
    .route('/households', householdRoutes(deps))
    .route('/matches', matchRoutes(deps))
    .route('/deliveries', deliveryRoutes(deps))
    .route('/notify', notifyRoutes(deps))
    .route('/resources', resourceRoutes(deps))
    .route('/donations', donationRoutes(deps))
    .route('/partners', partnerRoutes(deps))
    .route('/projects', projectRoutes(deps))
    .route('/public', publicRoutes(deps))
    .route('/disclosures', disclosureRoutes(deps))
    .route('/kpis', kpiRoutes(deps))
    .route('/supervision-scores', supervisionScoreRoutes(deps))
    .route('/meetings', meetingRoutes(deps, cases))
    .route('/departments', departmentRoutes(deps))
    .route('/demo', demoRoutes(deps))
    .route('/absences', absenceRoutes(deps))
    .route('/colleagues', colleagueRoutes(deps))
    .route('/home', homeRoutes(deps))
    .route('/saved-views', savedViewRoutes(deps))
    .route('/applications', applicationRoutes(deps, cases))
    .route('/forms', formRoutes(deps))
    .route('/eligibility', eligibilityRoutes(deps))
    .route('/volunteers', volunteerRoutes(deps))
    .route('/volunteer-assignments', volunteerAssignmentRoutes(deps));
  // Tests: every answer of a declared route is checked against its declared responses.
  if (given.responseMismatches) app.use('/api/*', checkResponses(api, '/api', given.responseMismatches));
  // One access policy for every route (auth/policy.ts): session and role, before any handler runs.
  app.use('/api/*', authorize(deps));
  // Every write: its Idempotency-Key, and its changes, answer and audit entry (rule 4) in one transaction.
  app.use('/api/*', writeRequests({ db: given.db, logger: deps.logger }));
  // The contract: the OpenAPI 3.1 document the routes declare, and its reference page.
  const document = openApiDocument(api);
  app.get('/api/openapi.json', (c) => c.json(document));
  app.route('/api/docs', referencePage());
  app.route('/api', api);
  app.all('/api/*', () => {
    throw new AppError('NOT_FOUND', { message: 'no such API route' });
  });

  if (deps.adminDist && existsSync(join(deps.adminDist, 'index.html'))) {
    const indexHtml = readFileSync(join(deps.adminDist, 'index.html'), 'utf8');
    // Brotli or gzip files written at build time (admin/build/precompress.ts); Vite's hashed assets never change.
    app.use('/assets/*', async (c, next) => {
      await next();
      if (c.res.status === 200) c.res.headers.set('Cache-Control', 'public, max-age=31536000, immutable');
    });
    // The installable app's service worker (admin/build/pwa.ts) and its workbox runtime: asked again on every
    // check, so that a new version is found at once. /manifest.webmanifest gets its type from serveStatic.
    const SERVICE_WORKER = /^\/(sw|workbox-[\w-]+)\.js$/;
    app.use('/*', async (c, next) => {
      await next();
      if (c.res.status === 200 && SERVICE_WORKER.test(c.req.path)) c.res.headers.set('Cache-Control', 'no-cache');
    });
    app.use('/*', serveStatic({ root: deps.adminDist, precompressed: true }));
    app.all('/assets/*', () => {
      throw new AppError('NOT_FOUND', { message: 'no such file in the admin build' });
    });
    app.get('*', (c) => c.html(indexHtml)); // client-side routes of the admin
  }

  app.onError((error, c) => {
    const instance = c.req.path;
    if (error instanceof AppError) {
      return c.body(JSON.stringify(error.toProblem(instance)), error.status, { 'Content-Type': PROBLEM });
    }
    if (error instanceof HTTPException && error.status < 500) {
      // 415: a body whose Content-Type the route does not declare (JSON routes read only application/json).
      const problem = new AppError('VALIDATION', {
        message:
          error.status === 415
            ? 'must be a media type this route reads (see /api/openapi.json)'
            : error.message || 'malformed request',
        field: error.status === 415 ? 'Content-Type' : '(body)',
      }).toProblem(instance);
      return c.body(JSON.stringify({ ...problem, status: error.status }), error.status, { 'Content-Type': PROBLEM });
    }
    deps.logger.error({ err: error, requestId: c.get('requestId'), path: instance }, 'unhandled error');
    const unavailable = isUnavailable(error);
    const status = unavailable ? 503 : 500;
    return c.body(
      JSON.stringify({
        type: 'about:blank',
        title: unavailable ? 'Service unavailable' : 'Internal error',
        status,
        detail: unavailable ? 'a backing service is not reachable; try again' : 'an unexpected error occurred',
        instance,
      }),
      status,
      { 'Content-Type': PROBLEM, ...(unavailable ? { 'Retry-After': String(RETRY_AFTER_SECONDS) } : {}) },
    );
  });

  return { app, api };
}

export type AppType = ReturnType<typeof createApp>['api'];
