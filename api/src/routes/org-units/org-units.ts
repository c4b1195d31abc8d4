import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps, AppEnv } from '../../env.ts';
import { AppError } from '../../errors/app-error.ts';
import { validate } from '../../validation.ts';
import { checkRoster, importRoster, parseRoster } from './roster-import.ts';

const MAX_ROSTER_BYTES = 5 * 1024 * 1024;

export function orgUnitRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    /**
     * Admin: imports villages/communities (or townships) from a CSV roster (code,name,level,parent_code).
     * With dryRun=true (the default) it only reports; it imports nothing until every row is clean.
     */
    .post('/import', validate('query', z.object({ dryRun: z.enum(['true', 'false']).default('true') }).strict()), async (c) => {
      const text = await c.req.text();
      if (!text.trim() || text.length > MAX_ROSTER_BYTES) throw new AppError('VALIDATION', { message: `a CSV roster of at most ${MAX_ROSTER_BYTES / 1024 / 1024} MB is required`, field: '(body)' });
      const { rows, problems: parseProblems } = parseRoster(text);
      const problems = [...parseProblems, ...(await checkRoster(deps.db, rows))].sort((a, b) => a.line - b.line);
      if (problems.length > 0) {
        throw new AppError('VALIDATION', {
          message: `${problems.length} problem(s) in the roster; nothing was imported`,
          errors: problems.map((p) => ({ field: `line ${p.line}: ${p.field}`, reason: p.reason })),
        });
      }
      const dryRun = c.req.valid('query').dryRun === 'true';
      const imported = dryRun ? 0 : await importRoster(deps.db, rows);
      return c.json({ dryRun, rows: rows.length, imported });
    });
}
