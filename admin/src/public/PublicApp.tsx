import { Tab, Tabs } from '@mui/material';
import { useState } from 'react';
import { DisclosurePage } from './DisclosurePage.tsx';
import { useLang } from './i18n.tsx';
import { ProjectsPage } from './ProjectsPage.tsx';
import { PublicShell } from './PublicShell.tsx';

function Pages() {
  const { t } = useLang();
  const [tab, setTab] = useState<'disclosure' | 'projects'>('disclosure');
  return (
    <>
      <Tabs
        value={tab}
        onChange={(_, value: 'disclosure' | 'projects') => setTab(value)}
        variant="fullWidth"
        sx={{ mb: 2, borderBottom: 1, borderColor: 'divider' }}
      >
        <Tab value="disclosure" label={t('tabs.disclosure')} />
        <Tab value="projects" label={t('tabs.projects')} />
      </Tabs>
      {tab === 'disclosure' ? <DisclosurePage /> : <ProjectsPage />}
    </>
  );
}

/** public.html: what anyone may read without signing in — the monthly disclosure and the projects for donors. */
export function PublicApp() {
  return (
    <PublicShell title="publicTitle">
      <Pages />
    </PublicShell>
  );
}
