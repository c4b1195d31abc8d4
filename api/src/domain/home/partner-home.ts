import type { Db } from '@guanai/db';
import type { SessionUser } from '../../auth/session.ts';
import type { TPartnerHome } from '../../routes/home/home.types.ts';
import { visibleMatches } from '../matching/find-visible-match.ts';

/** A partner's home: proposals awaiting my answer, and the matches I accepted, on which deliveries are recorded. */
export async function partnerHome({ db, user }: { db: Db; user: SessionUser }): Promise<TPartnerHome> {
  const mine = visibleMatches(user);
  const [proposals, accepted, undelivered, team] = await Promise.all([
    db.match.count({ where: { AND: [mine, { status: 'PROPOSED' }] } }),
    db.match.count({ where: { AND: [mine, { status: 'ACCEPTED' }] } }),
    db.match.count({ where: { AND: [mine, { status: 'ACCEPTED', deliveries: { none: {} } }] } }),
    user.partnerId ? db.partner.findUnique({ where: { id: user.partnerId }, select: { kind: true } }) : null,
  ]);
  // A volunteer team (志愿服务队) decides its volunteers' self-registrations.
  const toApprove =
    team?.kind === 'VOLUNTEER_TEAM'
      ? await db.volunteer.count({ where: { teamId: user.partnerId!, status: 'PENDING' } })
      : null;
  return {
    kind: 'partner',
    proposals: { value: proposals, link: { to: 'matches', filter: { status: 'PROPOSED' } } },
    accepted: { value: accepted, link: { to: 'matches', filter: { status: 'ACCEPTED' } } },
    undelivered,
    ...(toApprove === null
      ? {}
      : { volunteersToApprove: { value: toApprove, link: { to: 'volunteers', filter: { status: 'PENDING' } } } }),
  };
}
