import DashboardIcon from '@mui/icons-material/Dashboard';
import KeyIcon from '@mui/icons-material/Key';
import PhoneAndroidIcon from '@mui/icons-material/PhoneAndroid';
import SpeedIcon from '@mui/icons-material/Speed';
import { ListItemIcon, ListItemText, MenuItem } from '@mui/material';
import type { ReactNode } from 'react';
import {
  AppBar,
  Layout as RaLayout,
  Logout,
  Menu,
  TitlePortal,
  UserMenu,
  useTranslate,
  useUserMenu,
} from 'react-admin';
import { Link } from 'react-router-dom';
import { useCan, useRole } from '../providers/useCan.ts';
import { MatchingMenu } from '../matching/index.tsx';
import { EvaluationMenu } from '../evaluation/index.tsx';
import { DemoBanner, DemoMarker } from '../demo/DemoStatus.tsx';
import { FieldSync, OutboxChip } from '../field/index.tsx';
import { NotifyMenu, NotifyUserMenuItem } from '../notify/index.tsx';
import { VolunteerOwnMenu, VolunteersMenuItem } from '../volunteers/index.tsx';

/**
 * The menu shows what the user can use, by the routes their role may call: the board for
 * supervisors, SLA for supervisors, managers and admins, the registry for workers and managers,
 * org units, users, SLA policy and calendar for admins.
 */
function AppMenu() {
  const can = useCan();
  const role = useRole();
  // A volunteer sees only their own pages (我的任务, 我的时长).
  if (role === 'VOLUNTEER') return <VolunteerOwnMenu />;
  return (
    <Menu>
      <Menu.DashboardItem primaryText="guanai.home.title" />
      <Menu.ResourceItem name="tasks" />
      <Menu.ResourceItem name="cases" />
      {can('POST /api/cases/:id/notes') && (
        <Menu.Item to="/field" primaryText="guanai.field.menu" leftIcon={<PhoneAndroidIcon />} />
      )}
      {can('GET /api/applications') && <Menu.ResourceItem name="applications" primaryText="guanai.applications.menu" />}
      {can('GET /api/people') && <Menu.ResourceItem name="people" primaryText="guanai.people.menu" />}
      {role === 'SUPERVISOR' && <Menu.Item to="/board" primaryText="guanai.board.title" leftIcon={<DashboardIcon />} />}
      {can('GET /api/sla/overview') && <Menu.Item to="/sla" primaryText="guanai.sla.title" leftIcon={<SpeedIcon />} />}
      <Menu.ResourceItem name="notifications" />
      {can('POST /api/absences') && <Menu.ResourceItem name="absences" primaryText="guanai.absences.menu" />}
      {/* Everyone may read the org tree (the pickers need it); only those who maintain it see it in the menu. */}
      {can('POST /api/org-units') && <Menu.ResourceItem name="org-units" primaryText="guanai.orgUnits.menu" />}
      {can('GET /api/users') && <Menu.ResourceItem name="users" />}
      {can('PUT /api/sla/policies/:kind') && <Menu.ResourceItem name="sla/policies" />}
      {can('POST /api/sla/calendar') && <Menu.ResourceItem name="sla/calendar" />}
      {can('POST /api/eligibility/standards') && <Menu.ResourceItem name="eligibility/standards" />}
      {can('POST /api/forms') && <Menu.ResourceItem name="forms" />}
      <VolunteersMenuItem />
      <MatchingMenu />
      <EvaluationMenu />
      <NotifyMenu />
    </Menu>
  );
}

function ChangePasswordItem() {
  const translate = useTranslate();
  const userMenu = useUserMenu();
  return (
    <MenuItem component={Link} to="/password" onClick={() => userMenu?.onClose()}>
      <ListItemIcon>
        <KeyIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText>{translate('guanai.password.title')}</ListItemText>
    </MenuItem>
  );
}

function AppUserMenu() {
  return (
    <UserMenu>
      <ChangePasswordItem />
      <NotifyUserMenuItem />
      <Logout />
    </UserMenu>
  );
}

function AppAppBar() {
  return (
    <AppBar userMenu={<AppUserMenu />}>
      <TitlePortal />
      <DemoMarker />
      <OutboxChip />
    </AppBar>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  return (
    <RaLayout menu={AppMenu} appBar={AppAppBar}>
      <FieldSync />
      <DemoBanner />
      {children}
    </RaLayout>
  );
}
