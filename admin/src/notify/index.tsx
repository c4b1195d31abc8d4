import NotificationsActiveIcon from '@mui/icons-material/NotificationsActive';
import SettingsInputAntennaIcon from '@mui/icons-material/SettingsInputAntenna';
import SmsFailedIcon from '@mui/icons-material/SmsFailed';
import { Button, ListItemIcon, ListItemText, MenuItem } from '@mui/material';
import type { ReactElement } from 'react';
import { Menu, useRecordContext, useTranslate, useUserMenu } from 'react-admin';
import { Link, Route } from 'react-router-dom';
import { useCan } from '../providers/useCan.ts';
import { ChannelForm } from './ChannelForm.tsx';
import { ChannelList } from './ChannelList.tsx';
import { FailedDeliveries } from './FailedDeliveries.tsx';
import { PreferencesPage } from './PreferencesPage.tsx';

export { DeliveriesButton } from './DeliveryAttempts.tsx';

/** The notification settings' pages (issue 18), registered by App.tsx inside <CustomRoutes>. */
export const notifyRoutes: ReactElement[] = [
  <Route key="channels" path="/notify/channels" element={<ChannelList />} />,
  <Route key="channel-create" path="/notify/channels/create/:kind" element={<ChannelForm />} />,
  <Route key="channel-edit" path="/notify/channels/:id" element={<ChannelForm />} />,
  <Route key="preferences" path="/notify/preferences" element={<PreferencesPage />} />,
  <Route key="user-preferences" path="/notify/preferences/:userId" element={<PreferencesPage />} />,
  <Route key="failed" path="/notify/failed" element={<FailedDeliveries />} />,
];

/** The admins' menu entries: the channels, and the deliveries that failed. */
export function NotifyMenu() {
  const can = useCan();
  return (
    <>
      {can('POST /api/notify/channels') && (
        <Menu.Item
          to="/notify/channels"
          primaryText="guanai.notify.menu.channels"
          leftIcon={<SettingsInputAntennaIcon />}
        />
      )}
      {can('GET /api/notify/preferences/:userId') && (
        <Menu.Item to="/notify/failed" primaryText="guanai.notify.menu.failed" leftIcon={<SmsFailedIcon />} />
      )}
    </>
  );
}

/** 我的通知设置, in the user menu of everyone signed in. */
export function NotifyUserMenuItem() {
  const translate = useTranslate();
  const userMenu = useUserMenu();
  return (
    <MenuItem component={Link} to="/notify/preferences" onClick={() => userMenu?.onClose()}>
      <ListItemIcon>
        <NotificationsActiveIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText>{translate('guanai.notify.menu.preferences')}</ListItemText>
    </MenuItem>
  );
}

/** 通知设置: on a user's record (admins), to that user's notification preferences. */
export function UserNotifyButton() {
  const record = useRecordContext<{ id: string }>();
  const translate = useTranslate();
  const can = useCan();
  if (!record || !can('GET /api/notify/preferences/:userId')) return null;
  return (
    <Button
      size="small"
      startIcon={<NotificationsActiveIcon />}
      component={Link}
      to={`/notify/preferences/${record.id}`}
      onClick={(event) => event.stopPropagation()}
    >
      {translate('guanai.notify.preferences.button')}
    </Button>
  );
}
