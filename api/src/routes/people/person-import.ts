import { within } from '../../auth/jurisdiction.ts';
import { toPersonImportDto } from '../../domain/people/person-import-dto.ts';
import { XLSX_TYPE } from '../../domain/people/read-cells.ts';
import { startPersonImport } from '../../domain/people/start-person-import.ts';
import type { AppDeps } from '../../env.ts';
import { AppError, notFound } from '../../errors/app-error.ts';
import { headerFilename } from '../../files/attachments.ts';
import { createRouter } from '../../openapi/router.ts';
import { getPersonImport, startPersonImport as startPersonImportRoute } from './person-import.types.ts';

/** /people/imports: roster uploads of people and their reports. */
export function importRoutes(deps: AppDeps) {
  const { db } = deps;
  return (
    createRouter()
      /**
       * Station workers, caseworkers, supervisors: uploads a roster (CSV or Excel) of people in their
       * jurisdiction. Answers 202 at once; the import runs in the background (GET shows progress).
       */
      .openapi(startPersonImportRoute, async (c) => {
        const contentType = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim();
        if (contentType !== 'text/csv' && contentType !== XLSX_TYPE)
          throw new AppError('VALIDATION', { message: `must be text/csv or ${XLSX_TYPE}`, field: 'Content-Type' });
        const filename = headerFilename(c, 'roster');
        const body = new Uint8Array(await c.req.arrayBuffer());
        const job = await startPersonImport({
          deps,
          user: c.get('user'),
          contentType,
          filename,
          body,
          dryRun: c.req.valid('query').dryRun === 'true',
        });
        return c.json(job, 202);
      })
      /** Whoever may import, for imports made in their jurisdiction: progress and the report. */
      .openapi(getPersonImport, async (c) => {
        const job = await db.personImport.findUnique({
          where: { id: c.req.valid('param').id },
          include: { unit: { select: { path: true } } },
        });
        if (!job || !within(c.get('user'), job.unit.path)) throw notFound('import');
        return c.json(toPersonImportDto(job), 200);
      })
  );
}
