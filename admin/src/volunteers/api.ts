import { useQuery } from '@tanstack/react-query';
import { idempotencyKey } from '../providers/api.ts';
import { API_URL } from '../providers/dataProvider.ts';
import { httpClient } from '../providers/http.ts';
import type { Assignment, AssignmentKind, Certificate, Hours, Volunteer, VolunteerMe } from './types.ts';

/**
 * The volunteer routes (GET/POST /api/volunteers…, /api/volunteer-assignments…) as the volunteer pages call them.
 * A refusal arrives as react-admin's HttpError carrying the API's problem (providers/http.ts), so a notification
 * shows the API's own reason. Each write sends an Idempotency-Key: the caller's, kept across its retries.
 */
const get = async <T>(path: string) => (await httpClient(`${API_URL}${path}`)).json as T;

/** A write; `body` undefined for a route that declares none (approve). */
const post = async <T>(path: string, body: unknown, key: string = idempotencyKey()) =>
  (
    await httpClient(`${API_URL}${path}`, {
      method: 'POST',
      ...(body === undefined
        ? { headers: { Accept: 'application/json', 'Idempotency-Key': key } }
        : {
            body: JSON.stringify(body),
            headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'Idempotency-Key': key },
          }),
    })
  ).json as T;

const id = (value: string) => encodeURIComponent(value);

/** `?from=&to=`, leaving out what is not given. */
const period = ({ from, to }: { from?: string; to?: string }) => {
  const query = new URLSearchParams();
  if (from) query.set('from', from);
  if (to) query.set('to', to);
  const text = query.toString();
  return text ? `?${text}` : '';
};

export const volunteerApi = {
  me: () => get<VolunteerMe>('/volunteers/me'),
  /** My assignments (a volunteer), the soonest first. */
  myAssignments: () =>
    get<Assignment[]>(
      `/volunteer-assignments?${new URLSearchParams({ sort: JSON.stringify(['scheduledOn', 'ASC']), range: '[0,99]' })}`,
    ),
  /** `at`: when the volunteer pressed, sent again unchanged on a retry (with the same key). */
  checkIn: (assignmentId: string, at: string, key: string) =>
    post<unknown>(`/volunteer-assignments/${id(assignmentId)}/check-in`, { at }, key),
  checkOut: (assignmentId: string, at: string, key: string) =>
    post<Assignment>(`/volunteer-assignments/${id(assignmentId)}/check-out`, { at }, key),
  assign: (body: {
    volunteerId: string;
    caseId?: string;
    matchId?: string;
    kind: AssignmentKind;
    scheduledOn: string;
    note?: string;
  }) => post<Assignment>('/volunteer-assignments', body),
  hours: (volunteerId: string, range: { from?: string; to?: string } = {}) =>
    get<Hours>(`/volunteers/${id(volunteerId)}/hours${period(range)}`),
  correct: (volunteerId: string, body: { minutes: number; reason: string; correctsId?: string }, key: string) =>
    post<unknown>(`/volunteers/${id(volunteerId)}/hours/corrections`, body, key),
  approve: (volunteerId: string) => post<Volunteer>(`/volunteers/${id(volunteerId)}/approve`, undefined),
  decline: (volunteerId: string, reason: string) =>
    post<Volunteer>(`/volunteers/${id(volunteerId)}/decline`, { reason }),
  certificate: (volunteerId: string, range: { from?: string; to?: string }) =>
    get<Certificate>(`/volunteers/${id(volunteerId)}/certificate${period(range)}`),
};

/** My profile, total and open duty (a volunteer's pages). */
export const useVolunteerMe = (enabled = true) =>
  useQuery({ queryKey: ['volunteers', 'me'], queryFn: volunteerApi.me, enabled });

export const useMyAssignments = () =>
  useQuery({ queryKey: ['volunteers', 'assignments', 'mine'], queryFn: volunteerApi.myAssignments });

/** A volunteer's ledger (the profile, and my hours). */
export const useHours = (volunteerId: string | undefined) =>
  useQuery({
    queryKey: ['volunteers', 'hours', volunteerId],
    queryFn: () => volunteerApi.hours(volunteerId!),
    enabled: !!volunteerId,
  });
