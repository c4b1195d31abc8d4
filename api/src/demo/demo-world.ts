import type { Db, IdentityKeys } from '@guanai/db';
import { DEMO_PASSWORD } from '@guanai/db/demo-users';
import type { UserRole } from '@guanai/workflows';
import type { SessionUser } from '../auth/session.ts';
import { AppError } from '../errors/app-error.ts';
import { addDonation } from '../domain/resources/add-donation.ts';
import { createResource } from '../domain/resources/create-resource.ts';
import { setResourceStatus } from '../domain/resources/set-resource-status.ts';
import { scheduleMeeting } from '../domain/meetings/schedule-meeting.ts';
import { createUser } from '../domain/users/create-user.ts';
import { registerVolunteer } from '../domain/volunteers/register-volunteer.ts';
import { demoId } from './demo-ids.ts';
import { demoStaffName } from './demo-person.ts';

/**
 * The townships whose sample communities the seed has (prisma/seed/communities.ts): four districts
 * (锦江, 武侯, 青羊, 金堂), so that the map and the tiers have something to compare.
 */
export const DEMO_TOWNSHIPS = [
  '510104017000',
  '510104018000',
  '510104022000',
  '510107001000',
  '510105007000',
  '510121001000',
];

/** The seeded demo users who do the work where they sit, so that their own inboxes show it. */
const SEEDED: Record<string, string> = {
  'STATION_WORKER:510104017001': 'station',
  'DISCOVERER:510104017001': 'discoverer',
  'CASEWORKER:510104017000': 'caseworker',
  'SUPERVISOR:510104017000': 'supervisor',
  'CASEWORKER:510104018000': 'caseworker2',
  'SUPERVISOR:510104000000': 'district.supervisor',
  'SUPERVISOR:510100000000': 'city.supervisor',
};

const TITLE: Record<string, string> = {
  STATION_WORKER: '站长',
  DISCOVERER: '网格员',
  CASEWORKER: '社工',
  SUPERVISOR: '主任',
};

export const DEMO_MONEY_RESOURCE = '困难群众综合援助金（演示）';
export const DEMO_SERVICE_RESOURCE = '关爱上门服务（演示）';
export const DEMO_MEETING = '成都市社会救助联席会议（演示）';
const CHARITY = '成都市慈善总会';
const CAMPAIGN = '助学圆梦公益募捐';

export interface DemoCommunity {
  id: string;
  code: string;
  name: string;
  township: string;
  district: string;
}

export interface DemoWorld {
  communities: DemoCommunity[];
  /** Who does a role's work at a unit (by the unit's code). */
  staff: (role: UserRole, unitCode: string) => SessionUser;
  admin: SessionUser;
  manager: SessionUser;
  partner: SessionUser;
  resources: { money: string; service: string };
  meetingId: string;
}

/** A user as a session sees them (the domain functions take one). */
async function sessionUser(db: Db, username: string): Promise<SessionUser> {
  const user = await db.user.findUniqueOrThrow({ where: { username }, include: { orgUnit: true } });
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role as SessionUser['role'],
    orgUnit: {
      id: user.orgUnit.id,
      code: user.orgUnit.code,
      name: user.orgUnit.name,
      level: user.orgUnit.level as SessionUser['orgUnit']['level'],
      path: user.orgUnit.path,
    },
    partnerId: user.partnerId,
  };
}

async function sampleCommunities(db: Db): Promise<DemoCommunity[]> {
  const rows = await db.orgUnit.findMany({
    where: { level: 'COMMUNITY', parent: { code: { in: DEMO_TOWNSHIPS } } },
    orderBy: { code: 'asc' },
  });
  return rows.map((row) => {
    const codes = row.path.split('/').filter(Boolean);
    return { id: row.id, code: row.code, name: row.name, township: codes.at(-2)!, district: codes.at(-3)! };
  });
}

/** Each role's place: stations and discoverers in communities, caseworkers and supervisors above. */
function staffPlaces(communities: DemoCommunity[]): { role: UserRole; unitCode: string }[] {
  const places = new Map<string, { role: UserRole; unitCode: string }>();
  const add = (role: UserRole, unitCode: string) => places.set(`${role}:${unitCode}`, { role, unitCode });
  for (const community of communities) {
    add('STATION_WORKER', community.code);
    add('DISCOVERER', community.code);
    add('CASEWORKER', community.township);
    add('SUPERVISOR', community.township);
    add('SUPERVISOR', community.district);
  }
  add('SUPERVISOR', '510100000000');
  return [...places.values()];
}

const usernameOf = (role: UserRole, unitCode: string) =>
  SEEDED[`${role}:${unitCode}`] ?? `demo.${role.toLowerCase().replace('_worker', '')}.${unitCode}`;

/**
 * The demo's reference data, each made through the API's own domain functions and found again by
 * its name on a retry: staff where the seed has none, a catalogue the cases are matched to, donations
 * to the seeded campaign, and the city's joint meeting.
 */
export async function prepareDemoWorld(db: Db, keys: IdentityKeys): Promise<void> {
  const communities = await sampleCommunities(db);
  if (communities.length === 0) throw new Error('the seed’s sample communities are missing: run the seed first');
  const units = new Map(
    (await db.orgUnit.findMany({ where: { code: { in: staffPlaces(communities).map((p) => p.unitCode) } } })).map(
      (u) => [u.code, u],
    ),
  );
  for (const [i, place] of staffPlaces(communities).entries()) {
    const username = usernameOf(place.role, place.unitCode);
    if (await db.user.findUnique({ where: { username }, select: { id: true } })) continue;
    const unit = units.get(place.unitCode)!;
    await createUser({
      db,
      input: {
        username,
        displayName: `${TITLE[place.role]} ${demoStaffName(i)}（${unit.name}·演示）`.slice(0, 50),
        role: place.role,
        orgUnitId: unit.id,
      },
    });
  }
  const admin = await sessionUser(db, 'admin');
  const charity = await db.partner.findUniqueOrThrow({ where: { name: CHARITY } });
  const city = await db.orgUnit.findUniqueOrThrow({ where: { code: '510100000000' } });
  const resources = [
    {
      kind: 'CHARITY_PROJECT' as const,
      name: DEMO_MONEY_RESOURCE,
      description: '演示数据：慈善总会面向全市困难群众的综合援助资金。',
      categories: ['BASIC_LIVING', 'MEDICAL', 'HOUSING', 'EDUCATION', 'EMERGENCY', 'OTHER'] as const,
      budget: 5_000_000,
    },
    {
      kind: 'VOLUNTEER_SERVICE' as const,
      name: DEMO_SERVICE_RESOURCE,
      description: '演示数据：社工与志愿者上门照料、心理疏导、法律与就业咨询。',
      categories: ['CARE', 'PSYCHOLOGICAL', 'LEGAL', 'EMPLOYMENT'] as const,
      capacity: 2_000,
    },
  ];
  for (const resource of resources) {
    let row = await db.resource.findFirst({ where: { name: resource.name } });
    row ??= await createResource({
      db,
      user: admin,
      body: {
        ...resource,
        categories: [...resource.categories],
        providerId: charity.id,
        coverageUnitId: city.id,
        eligibility: {},
        validFrom: '2025-01-01',
        validTo: '2030-12-31',
      },
    });
    if (row.status !== 'PUBLISHED') await setResourceStatus({ db, user: admin, id: row.id, status: 'PUBLISHED' });
  }
  // Donations to the seeded public campaign over the last six months (募捐).
  const campaign = await db.resource.findFirst({ where: { name: CAMPAIGN, kind: 'FUNDRAISING' } });
  if (campaign) {
    const donors = ['爱心人士', '成都某科技有限公司', '锦江区企业家协会', '张女士', '李先生', '蓉城义工联盟'];
    for (let i = 0; i < 36; i += 1) {
      const receivedOn = new Date(Date.now() - (5 + i * 5) * 86_400_000).toISOString().slice(0, 10);
      await addDonation({
        db,
        user: admin,
        resourceId: campaign.id,
        id: demoId('donation', i),
        body: {
          donorName: donors[i % donors.length]!,
          amount: 200 + ((i * 977) % 20) * 250,
          receivedOn,
          channel: '银行转账',
        },
      }).catch((error: unknown) => {
        // A campaign that an admin closed meanwhile takes no more: the demo goes on without it.
        if (!(error instanceof AppError && error.code === 'CONFLICT')) throw error;
      });
    }
  }
  // 志愿者 (issue 19): one volunteer of the seeded 水井坊志愿服务队, registered by its leader (`team`), to sign in as `volunteer`.
  if (!(await db.user.findUnique({ where: { username: 'volunteer' }, select: { id: true } }))) {
    const community = await db.orgUnit.findUniqueOrThrow({ where: { code: '510104017001' }, select: { id: true } });
    await registerVolunteer({
      db,
      keys,
      registrar: await sessionUser(db, 'team'),
      input: {
        name: '周小红',
        phone: '13800028001',
        username: 'volunteer',
        password: DEMO_PASSWORD,
        skills: ['陪伴探访', '家政清洁'],
        languages: ['普通话', '四川话'],
        availability: '周末全天，工作日晚上',
        communityIds: [community.id],
      },
    });
  }
  const citySupervisor = await sessionUser(db, 'city.supervisor');
  if (!(await db.jointMeeting.findFirst({ where: { title: DEMO_MEETING } })))
    await scheduleMeeting({
      db,
      user: citySupervisor,
      body: {
        title: DEMO_MEETING,
        scheduledAt: new Date(Date.now() - 20 * 86_400_000).toISOString(),
        location: '市民政局三楼会议室',
        departments: ['CIVIL_AFFAIRS', 'HOUSING', 'HEALTH'],
      },
    });
}

/** What the case loader needs, once prepareDemoWorld has run (read again in each process). */
export async function loadDemoWorld(db: Db): Promise<DemoWorld> {
  const communities = await sampleCommunities(db);
  const staff = new Map<string, SessionUser>();
  for (const place of staffPlaces(communities))
    staff.set(`${place.role}:${place.unitCode}`, await sessionUser(db, usernameOf(place.role, place.unitCode)));
  const resource = (name: string) => db.resource.findFirstOrThrow({ where: { name }, select: { id: true } });
  const meeting = await db.jointMeeting.findFirstOrThrow({ where: { title: DEMO_MEETING }, select: { id: true } });
  return {
    communities,
    staff: (role, unitCode) => {
      const user = staff.get(`${role}:${unitCode}`);
      if (!user) throw new Error(`no demo ${role} at ${unitCode}`);
      return user;
    },
    admin: await sessionUser(db, 'admin'),
    manager: await sessionUser(db, 'manager'),
    partner: await sessionUser(db, 'partner'),
    resources: {
      money: (await resource(DEMO_MONEY_RESOURCE)).id,
      service: (await resource(DEMO_SERVICE_RESOURCE)).id,
    },
    meetingId: meeting.id,
  };
}
