/**
 * 志愿者 (issue 19, part A) as the admin reads the volunteer routes: a view model of the API's answers, kept here until
 * the routes' own types are what the admin imports.
 */
export type VolunteerStatus = 'PENDING' | 'ACTIVE' | 'DECLINED' | 'SUSPENDED';
export type AssignmentKind = 'VISIT' | 'DELIVERY';
export type AssignmentStatus = 'ASSIGNED' | 'DONE' | 'CANCELLED';
export type HoursKind = 'SERVICE' | 'CORRECTION';

export const VOLUNTEER_STATUSES: VolunteerStatus[] = ['PENDING', 'ACTIVE', 'DECLINED', 'SUSPENDED'];
export const ASSIGNMENT_KINDS: AssignmentKind[] = ['VISIT', 'DELIVERY'];

interface Named {
  id: string;
  name: string;
}

/** A volunteer as the list and the profile show them: the phone masked unless it is the volunteer's own. */
export interface Volunteer {
  id: string;
  userId?: string | null;
  username?: string | null;
  name: string;
  phone: string;
  skills: string[];
  languages: string[];
  availability: string | null;
  teamId: string | null;
  team?: Named | null;
  teamName?: string | null;
  communityIds: string[];
  communities?: Named[];
  status: VolunteerStatus;
  declineReason: string | null;
  selfRegistered?: boolean;
  totalMinutes?: number;
  totalHours?: string;
  createdAt: string;
}

/** GET /api/volunteers/me: my profile (my own phone unmasked), my total and the duty I am on. */
export interface VolunteerMe extends Volunteer {
  totalMinutes: number;
  totalHours: string;
  openAttendance: { id: string; assignmentId: string; checkedInAt: string } | null;
}

/** What a visit needs, and nothing more (no identity number, no phone, no history). */
export interface Assignment {
  id: string;
  kind: AssignmentKind;
  status: AssignmentStatus;
  scheduledOn: string;
  note: string | null;
  volunteer: Named;
  case: { number: string; person: string; community: string | null; address: string | null };
  checkedInAt?: string | null;
  attendance?: { id: string; checkedInAt: string; checkedOutAt: string | null; minutes?: number | null }[];
}

/** One entry of the hours ledger: a check-out's SERVICE minutes, or a signed CORRECTION with its reason. */
export interface HoursEntry {
  id: string;
  kind: HoursKind;
  minutes: number;
  serviceDate: string;
  attendanceId?: string | null;
  correctsId?: string | null;
  reason?: string | null;
  createdAt?: string;
}

export interface Hours {
  entries: HoursEntry[];
  totalMinutes: number;
  totalHours: string;
}

/** GET /api/volunteers/:id/certificate: 志愿服务时长证明, its total from the same SQL as the ledger's. */
export interface Certificate {
  volunteer: { name: string; team: string | { name: string } | null };
  from: string | null;
  to: string | null;
  entries: { serviceDate: string; kind: HoursKind; minutes: number; reason?: string | null }[];
  totalMinutes: number;
  totalHours: string;
  serial: string;
  issuedAt: string;
}

/** The team's name, however the answer names it. */
export const teamNameOf = (v: Pick<Volunteer, 'team' | 'teamName'>) => v.team?.name ?? v.teamName ?? null;

/** Minutes as people read a duration: 2 小时 5 分钟 (a negative correction keeps its sign). */
export function durationText(minutes: number, translate: (key: string, args?: object) => string) {
  const sign = minutes < 0 ? '-' : '';
  const whole = Math.abs(minutes);
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  if (hours === 0) return sign + translate('guanai.volunteers.durationMinutes', { minutes: rest });
  if (rest === 0) return sign + translate('guanai.volunteers.hoursUnit', { hours });
  return sign + translate('guanai.volunteers.duration', { hours, minutes: rest });
}
