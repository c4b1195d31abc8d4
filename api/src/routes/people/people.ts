import { exportPeople } from '../../domain/people/export-people.ts';
import { findDuplicates } from '../../domain/people/find-duplicates.ts';
import { getPerson } from '../../domain/people/get-person.ts';
import { mergePeople } from '../../domain/people/merge-people.ts';
import { peopleWhere } from '../../domain/people/people-where.ts';
import { personInclude, toPersonDto } from '../../domain/people/person-dto.ts';
import { registerPerson } from '../../domain/people/register-person.ts';
import { revealIdNumber } from '../../domain/people/reveal-id-number.ts';
import { updatePerson } from '../../domain/people/update-person.ts';
import type { AppDeps } from '../../env.ts';
import { createRouter } from '../../openapi/router.ts';
import { contentRange } from '../../validation.ts';
import { importRoutes } from './person-import.ts';
import {
  checkDuplicates,
  createPerson,
  exportPeople as exportPeopleRoute,
  getPerson as getPersonRoute,
  listPeople,
  mergePeople as mergePeopleRoute,
  revealIdNumber as revealIdNumberRoute,
  updatePerson as updatePersonRoute,
} from './people.types.ts';

export function peopleRoutes(deps: AppDeps) {
  const { db, keys } = deps;
  return (
    createRouter()
      .route('/imports', importRoutes(deps))
      /** Workers and managers: the registry of their jurisdiction. */
      .openapi(listPeople, async (c) => {
        const { filter = {}, sort, range } = c.req.valid('query');
        const where = peopleWhere(c.get('user'), keys, filter);
        const [rows, total] = await Promise.all([
          db.person.findMany({
            where,
            include: personInclude,
            orderBy: [{ [sort[0]]: sort[1].toLowerCase() }, { id: 'asc' }],
            skip: range[0],
            take: range[1] - range[0] + 1,
          }),
          db.person.count({ where }),
        ]);
        c.header('Content-Range', contentRange('people', range, rows.length, total));
        return c.json(rows.map(toPersonDto), 200);
      })
      /**
       * Workers and managers: the list as CSV (UTF-8 with BOM, for Excel), identity numbers and phones
       * masked. An export is a sensitive read: it goes into the audit log with its filter and size.
       */
      .openapi(exportPeopleRoute, async (c) => {
        const user = c.get('user');
        const { csv, filename } = await exportPeople({ db, keys, user, filter: c.req.valid('query').filter ?? {} });
        return c.body(csv, 200, {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': `attachment; filename="${filename}"`,
        });
      })
      /** Anyone who registers people: the records a new entry may duplicate, to warn while typing. */
      .openapi(checkDuplicates, async (c) =>
        c.json({ duplicates: await findDuplicates(db, keys, c.get('user'), c.req.valid('json')) }, 200),
      )
      /** Workers and managers: a person, their household and their cases. */
      .openapi(getPersonRoute, async (c) =>
        c.json(await getPerson({ db, user: c.get('user'), id: c.req.valid('param').id }), 200),
      )
      /** Station workers, caseworkers, supervisors: registers a person (409 on a duplicate, see register-person.ts). */
      .openapi(createPerson, async (c) => {
        const { confirmNotDuplicate, ...input } = c.req.valid('json');
        const row = await registerPerson(db, keys, c.get('user'), input, { confirmNotDuplicate });
        return c.json(toPersonDto(row), 201);
      })
      /** Station workers, caseworkers, supervisors: corrects a person's own fields. */
      .openapi(updatePersonRoute, async (c) =>
        c.json(
          await updatePerson({
            db,
            keys,
            user: c.get('user'),
            id: c.req.valid('param').id,
            changes: c.req.valid('json'),
          }),
          200,
        ),
      )
      /**
       * Station workers, caseworkers, supervisors: the full document number, for a stated reason;
       * every such view is written to the audit log with who and why.
       */
      .openapi(revealIdNumberRoute, async (c) =>
        c.json(
          await revealIdNumber({
            db,
            keys,
            user: c.get('user'),
            id: c.req.valid('param').id,
            reason: c.req.valid('query').reason,
          }),
          200,
        ),
      )
      /**
       * Supervisors: merges a duplicate record into the one to keep (merge-people.ts). In autocommit
       * mode (`callsWorkflow`, in the declaration): the merge commits its own transaction while it
       * holds the people's case lease, so that whoever takes the lease next sees it.
       */
      .openapi(mergePeopleRoute, async (c) => {
        const { intoId, reason } = c.req.valid('json');
        return c.json(
          await mergePeople({ db, user: c.get('user'), sourceId: c.req.valid('param').id, intoId, reason }),
          200,
        );
      })
  );
}
