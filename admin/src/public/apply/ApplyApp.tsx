import type { TApplicationReceipt } from '@guanai/api/types';
import { Tab, Tabs } from '@mui/material';
import { useEffect, useState } from 'react';
import { applyPage as en } from '../../i18n/en/apply.ts';
import { applyPage as zh } from '../../i18n/zh/apply.ts';
import { useLang } from '../i18n.tsx';
import { PublicShell } from '../PublicShell.tsx';
import { ApplyForm } from './ApplyForm.tsx';
import { Receipt } from './Receipt.tsx';
import { StatusView } from './StatusView.tsx';

/** apply.html's own dictionaries (i18n/{zh,en}/apply.ts). */
const MESSAGES = { zh, en };

type View = 'apply' | 'status';
const viewOf = (hash: string): View => (hash.replace(/^#\/?/, '') === 'status' ? 'status' : 'apply');

function Pages() {
  const { t } = useLang();
  const [view, setView] = useState<View>(() => viewOf(window.location.hash));
  const [receipt, setReceipt] = useState<TApplicationReceipt | null>(null);
  useEffect(() => {
    const follow = () => setView(viewOf(window.location.hash));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  const go = (next: View) => {
    // The address says which view, so a bookmark or a shared link (apply.html#status) opens it.
    window.history.replaceState(null, '', next === 'status' ? '#status' : window.location.pathname);
    setView(next);
    window.scrollTo?.(0, 0);
  };
  return (
    <>
      <Tabs
        value={view}
        onChange={(_, next: View) => go(next)}
        variant="fullWidth"
        sx={{ mb: 2, borderBottom: 1, borderColor: 'divider' }}
      >
        <Tab value="apply" label={t('tabs.apply')} />
        <Tab value="status" label={t('tabs.status')} />
      </Tabs>
      {view === 'status' ? (
        <StatusView onApply={() => go('apply')} />
      ) : receipt ? (
        <Receipt receipt={receipt} onStatus={() => go('status')} onAnother={() => setReceipt(null)} />
      ) : (
        <ApplyForm onDone={setReceipt} />
      )}
    </>
  );
}

/**
 * apply.html: 网上申请 (§四(一) 个人申请) — a resident, or someone for them, applies to their community's service
 * station without an account; `#status` reads the answer with the reference number the application was given.
 */
export function ApplyApp() {
  return (
    <PublicShell title="title" messages={MESSAGES}>
      <Pages />
    </PublicShell>
  );
}
