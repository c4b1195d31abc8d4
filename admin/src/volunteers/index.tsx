import AccessTimeIcon from '@mui/icons-material/AccessTime';
import AssignmentIcon from '@mui/icons-material/AssignmentInd';
import EmojiPeopleIcon from '@mui/icons-material/EmojiPeople';
import type { ReactElement } from 'react';
import { Menu, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import { useCan } from '../providers/useCan.ts';
import { MyHours } from './MyHours.tsx';
import { VolunteerCreate } from './VolunteerCreate.tsx';
import { useIsTeamPartner } from './useTeams.ts';
import { VolunteerList } from './VolunteerList.tsx';
import { VolunteerShow } from './VolunteerShow.tsx';

export { CaseVolunteerAssign, MatchVolunteerAssign } from './AssignVolunteerButton.tsx';
export { VolunteerHome } from './VolunteerHome.tsx';

/** 志愿者 (issue 19 A): the staff's register, registered by App.tsx (an array of <Resource key=… />). */
export const volunteerResources: ReactElement[] = [
  <Resource
    key="volunteers"
    name="volunteers"
    list={VolunteerList}
    show={VolunteerShow}
    create={VolunteerCreate}
    icon={EmojiPeopleIcon}
    recordRepresentation="name"
  />,
];

/** The volunteer's own pages, registered by App.tsx inside <CustomRoutes> (their 首页 is the dashboard). */
export const volunteerRoutes: ReactElement[] = [<Route key="my-hours" path="/my-hours" element={<MyHours />} />];

/** 志愿者 in the staff's menu, for those who may read the register (of partners, a volunteer team's). */
export function VolunteersMenuItem() {
  const can = useCan();
  const team = useIsTeamPartner();
  if (team === false) return null;
  return can('GET /api/volunteers') ? (
    <Menu.ResourceItem name="volunteers" primaryText="guanai.volunteers.menu" />
  ) : null;
}

/** A VOLUNTEER's whole menu: 我的任务 (the home) and 我的时长 — no case, task or other staff page. */
export function VolunteerOwnMenu() {
  return (
    <Menu>
      <Menu.DashboardItem primaryText="guanai.volunteers.myTasks" leftIcon={<AssignmentIcon />} />
      <Menu.Item to="/my-hours" primaryText="guanai.volunteers.myHours" leftIcon={<AccessTimeIcon />} />
    </Menu>
  );
}
