import type { TDepartment } from '@guanai/api/types';
import { useGetList } from 'react-admin';

/** The member departments (data, GET /api/departments), and a code's Chinese name. */
export function useDepartments() {
  const { data = [] } = useGetList<TDepartment>(
    'departments',
    { pagination: { page: 1, perPage: 100 }, sort: { field: 'sortOrder', order: 'ASC' } },
    { staleTime: 10 * 60_000 },
  );
  const names = new Map(data.map((d) => [d.code, d.name]));
  return { departments: data, nameOf: (code: string) => names.get(code) ?? code };
}
