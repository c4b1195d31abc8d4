import type { AppDeps } from '../../env.ts';
import { createRouter } from '../../openapi/router.ts';
import { listDepartments, type TDepartment } from './departments.types.ts';

/** Routes under /api/departments: the member departments of the joint meetings (联席会议成员单位), as data. */
export function departmentRoutes(deps: AppDeps) {
  /** Anyone signed in: every member department, in order. */
  return createRouter().openapi(listDepartments, async (c) => {
    const rows = await deps.db.department.findMany({ orderBy: { sortOrder: 'asc' } });
    c.header('Content-Range', `departments 0-${Math.max(rows.length - 1, 0)}/${rows.length}`);
    return c.json(
      rows.map((d): TDepartment => ({ id: d.code, code: d.code, name: d.name })),
      200,
    );
  });
}
