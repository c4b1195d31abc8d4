import DashboardIcon from '@mui/icons-material/Dashboard';
import SpeedIcon from '@mui/icons-material/Speed';
import type { ReactNode } from 'react';
import { Layout as RaLayout, Menu, usePermissions } from 'react-admin';

const SUPERVISING = ['SUPERVISOR', 'MANAGER', 'ADMIN'];

/** The menu shows what the role can use: the board for supervisors, SLA for managers, policy for admins. */
function AppMenu() {
  const { permissions } = usePermissions<string>();
  return (
    <Menu>
      <Menu.ResourceItem name="tasks" />
      <Menu.ResourceItem name="cases" />
      {permissions === 'SUPERVISOR' && <Menu.Item to="/board" primaryText="guanai.board.title" leftIcon={<DashboardIcon />} />}
      {SUPERVISING.includes(permissions ?? '') && <Menu.Item to="/sla" primaryText="guanai.sla.title" leftIcon={<SpeedIcon />} />}
      <Menu.ResourceItem name="notifications" />
      {permissions === 'ADMIN' && <Menu.ResourceItem name="sla/policies" />}
      {permissions === 'ADMIN' && <Menu.ResourceItem name="sla/calendar" />}
    </Menu>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  return <RaLayout menu={AppMenu}>{children}</RaLayout>;
}
