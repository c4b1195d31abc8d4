import { Button, Snackbar } from '@mui/material';
import { useSyncExternalStore } from 'react';
import { i18nProvider } from '../providers/i18nProvider.ts';
import { updates } from './updates.ts';

/**
 * "有新版本，点此刷新": shown when a new version of the installed app is waiting. Outside react-admin's
 * tree (main.tsx renders it next to the app), so it takes the words from the i18n provider directly.
 */
export function UpdateBanner() {
  const waiting = useSyncExternalStore(updates.subscribe, updates.waiting);
  const t = (key: string) => i18nProvider.translate(key);
  const refresh = () => void updates.refresh();
  return (
    <Snackbar
      open={waiting}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
      message={
        <span role="button" tabIndex={0} onClick={refresh} onKeyDown={(e) => e.key === 'Enter' && refresh()}>
          {t('guanai.pwa.updateReady')}
        </span>
      }
      action={
        <Button color="inherit" size="small" onClick={refresh}>
          {t('guanai.pwa.refresh')}
        </Button>
      }
    />
  );
}
