import { randomInt } from 'node:crypto';
import { appendAudit, type Db } from '@guanai/db';
import type { SessionUser } from '../../auth/session.ts';
import type { TCertificate } from '../../routes/volunteers/volunteers.types.ts';
import { beijingDate } from '../beijing-date.ts';
import { readLedger } from './hours-ledger.ts';
import { findVisibleVolunteer } from './visible-volunteers.ts';

/** Letters and digits that cannot be mistaken for one another (no 0/O, 1/I/L). */
const SERIAL_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

const newSerial = (issuedAt: Date) =>
  `ZYFW-${beijingDate(issuedAt).replace(/-/g, '')}-${Array.from({ length: 6 }, () => SERIAL_ALPHABET[randomInt(SERIAL_ALPHABET.length)]).join('')}`;

/**
 * 志愿服务时长证明: the certificate of a volunteer's hours in a period. Its entries and total are the
 * ledger's, read by the same query (readLedger, SUM in SQL), so the certificate never says more than
 * the ledger. Each issue gets its own serial and is written to the audit log with who issued it and
 * what it certified, so a printed certificate can be checked against the record.
 */
export async function issueCertificate({
  db,
  user,
  volunteerId,
  from,
  to,
}: {
  db: Db;
  user: SessionUser;
  volunteerId: string;
  from: string;
  to: string;
}): Promise<TCertificate> {
  const volunteer = await findVisibleVolunteer(db, user, volunteerId);
  const [ledger, team] = await Promise.all([
    readLedger({ db, volunteerId: volunteer.id, from, to }),
    volunteer.teamId ? db.partner.findUnique({ where: { id: volunteer.teamId }, select: { name: true } }) : null,
  ]);
  const issuedAt = new Date();
  const serial = newSerial(issuedAt);
  await appendAudit(db, {
    actorId: user.id,
    action: 'volunteer.certificate',
    target: `volunteer:${volunteer.id}`,
    detail: { serial, from, to, totalMinutes: ledger.totalMinutes, entries: ledger.entries.length },
  });
  return {
    volunteer: { name: volunteer.name, team: team?.name ?? null },
    from,
    to,
    entries: ledger.entries.map((entry) => ({
      serviceDate: entry.serviceDate,
      kind: entry.kind,
      minutes: entry.minutes,
      reason: entry.reason,
    })),
    totalMinutes: ledger.totalMinutes,
    totalHours: ledger.totalHours,
    serial,
    issuedAt: issuedAt.toISOString(),
  };
}
