import { Badge, Box, Tab, Tabs } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useListContext, useTranslate } from 'react-admin';
import type { GuanaiDataProvider } from '../providers/dataProvider.ts';
import { INBOX_TABS, tabOf } from './inbox-tabs.ts';

/** The tab counts, refreshed with the list (react-admin's refresh invalidates every query). */
export function useTaskCounts() {
  const dataProvider = useDataProvider<GuanaiDataProvider>();
  return useQuery({ queryKey: ['tasks', 'counts'], queryFn: async () => (await dataProvider.getTaskCounts()).data });
}

/**
 * 我的任务 / 待领取 / 本单位队列 / 今日到期 / 已逾期 / 紧急: preset filters with their counts. A filter
 * narrowed beyond a preset selects no tab. The count is left out of the tab's accessible name (the
 * tab is called what it shows), and scrolls sideways on a phone.
 */
export function InboxTabs() {
  const { filterValues, setFilters, isPending } = useListContext();
  const translate = useTranslate();
  const { data: counts } = useTaskCounts();
  // Until the list's first answer its filter may still be replaced by the stored or default one: a
  // tab clicked then would be undone. The row keeps its height meanwhile.
  if (isPending) return <Box sx={{ height: 48 }} />;
  return (
    <Tabs value={tabOf(filterValues)} variant="scrollable" scrollButtons="auto" allowScrollButtonsMobile>
      {INBOX_TABS.map(([key, preset]) => (
        <Tab
          key={key}
          value={key}
          // On click, not on change: a click on the selected tab also applies its preset, whatever the
          // list's filter was a moment before (the default is applied after the first render).
          onClick={() => setFilters({ status: 'OPEN', ...preset }, {})}
          sx={{ minWidth: 0, px: 1.5 }}
          label={
            <span style={{ display: 'inline-flex', alignItems: 'center', gap: 14, paddingRight: 8 }}>
              {translate(`guanai.inbox.tabs.${key}`)}
              {counts && (
                <Badge
                  aria-hidden="true"
                  data-testid={`count-${key}`}
                  badgeContent={counts[key]}
                  showZero
                  max={9999}
                  color={key === 'overdue' || key === 'emergency' ? (counts[key] ? 'error' : 'default') : 'primary'}
                  sx={{ '& .MuiBadge-badge': { position: 'static', transform: 'none' } }}
                />
              )}
            </span>
          }
        />
      ))}
    </Tabs>
  );
}
