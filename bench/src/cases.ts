import { expectStatus, listQuery, type Session } from './http.ts';

let people = 0;
/** A new person for each case (a person has one open case at a time). */
export const newPerson = (prefix = '基准') => ({ name: `${prefix}${process.pid}-${++people}`, hukou: 'CHENGDU' });

/** A station worker registers a self-application (or a discoverer reports one); returns the case id. */
export async function openCase(
  who: Session,
  { emergency = false, discovererKind }: { emergency?: boolean; discovererKind?: string } = {},
): Promise<string> {
  const person = emergency ? { ...newPerson('急难'), hukou: 'OTHER' } : newPerson();
  const res = await who.request('POST', '/api/cases', {
    person,
    confirmNotDuplicate: true,
    situation: '独居老人，医疗费用负担重',
    emergency,
    ...(discovererKind ? { discovererKind } : {}),
  });
  return expectStatus(res, 201, 'open a case').json().id as string;
}

/** The open tasks of a case, as the inbox lists them (a read through the API). */
export async function openTasks(
  who: Session,
  caseId: string,
): Promise<{ id: string; kind: string; assigneeId: string | null }[]> {
  const res = await who.request(
    'GET',
    `/api/tasks${listQuery({ filter: { caseId, status: 'OPEN' }, range: [0, 49] })}`,
  );
  return expectStatus(res, 200, 'list the open tasks of a case').json();
}
