import type { TTask } from '@guanai/api/types';
import { Chip, useMediaQuery, type Theme } from '@mui/material';
import type { ReactElement } from 'react';
import {
  Datagrid,
  FunctionField,
  List,
  SimpleList,
  TextField,
  TopToolbar,
  useListContext,
  useTranslate,
} from 'react-admin';
import { CoverBanner } from '../absences/CoverBanner.tsx';
import { useRole } from '../providers/useCan.ts';
import { DueChip } from './DueChip.tsx';
import { ExportTasksButton } from './ExportTasksButton.tsx';
import { HandoverBulkActions } from './HandoverBulkActions.tsx';
import { InboxFilters } from './InboxFilters.tsx';
import { InboxTabs } from './InboxTabs.tsx';
import { SavedViews } from './SavedViews.tsx';
import { TaskButtons } from './TaskButtons.tsx';

/** The task kind with its emergency and flag marks (flags with a reason show on every list). */
export function KindField(_props: { source: string; label?: string }) {
  const translate = useTranslate();
  return (
    <FunctionField<TTask>
      source="kind"
      render={(task) => (
        <span style={{ display: 'inline-flex', gap: 6, alignItems: 'center' }}>
          {translate(`guanai.kinds.${task.kind}`, { _: task.kind })}
          {task.title && <span>· {task.title}</span>}
          {task.emergency && (
            <Chip size="small" color="error" variant="outlined" label={translate('resources.tasks.fields.emergency')} />
          )}
          {task.flags?.map((f) => (
            <Chip
              key={f.flag}
              size="small"
              color="warning"
              variant="outlined"
              label={translate(`guanai.flags.${f.flag}`, { _: f.flag })}
              title={f.reason}
            />
          ))}
        </span>
      )}
    />
  );
}

/** The task table of the inbox and the escalation board. */
export function TaskGrid({ bulkActionButtons = false }: { bulkActionButtons?: ReactElement | false }) {
  return (
    <Datagrid rowClick="show" bulkActionButtons={bulkActionButtons}>
      <KindField source="kind" />
      <TextField source="personName" sortable={false} />
      <TextField source="caseNo" sortable={false} />
      <TextField source="unitName" sortable={false} />
      <TextField source="assigneeName" sortable={false} emptyText="—" />
      <FunctionField source="dueAt" render={() => <DueChip />} />
      <TaskButtons />
    </Datagrid>
  );
}

/** My views and the export, above the tabs. */
function InboxActions() {
  return (
    <TopToolbar>
      <SavedViews />
      <ExportTasksButton />
    </TopToolbar>
  );
}

/** The rows: a table on a desktop, a compact list on a phone (no column to sort by: the filter bar sorts). */
function InboxRows() {
  const isSmall = useMediaQuery((theme: Theme) => theme.breakpoints.down('md'));
  const translate = useTranslate();
  const role = useRole();
  const { filterValues } = useListContext();
  // Issue 15: a supervisor selects rows of the unit queue and hands them on (HandoverBulkActions).
  const handover = role === 'SUPERVISOR' && filterValues.scope !== 'mine';
  if (!isSmall) return <TaskGrid bulkActionButtons={handover ? <HandoverBulkActions /> : false} />;
  return (
    <SimpleList<TTask>
      primaryText={(task) =>
        `${translate(`guanai.kinds.${task.kind}`, { _: task.kind })}${task.title ? ` · ${task.title}` : ''} · ${task.personName}${task.flags?.length ? ` ⚠ ${task.flags.map((f) => translate(`guanai.flags.${f.flag}`, { _: f.flag })).join('、')}` : ''}`
      }
      secondaryText={(task) => `${task.caseNo} · ${task.unitName}${task.assigneeName ? ` · ${task.assigneeName}` : ''}`}
      tertiaryText={() => <DueChip />}
      linkType="show"
      rowSx={(task) => (task.emergency ? { borderLeft: '4px solid #d32f2f' } : {})}
    />
  );
}

/**
 * 待办: the inbox as a working tool — tabs with their counts (我的任务, 待领取, 本单位队列, 今日到期,
 * 已逾期, 紧急), a filter bar, my saved views, sort by due time and the export of what is shown. The
 * filter is in the URL (#/tasks?filter=…), so the home page's figures link straight to their list.
 */
export function TaskList() {
  return (
    <List
      title="guanai.inbox.title"
      filterDefaultValues={{ scope: 'mine', status: 'OPEN' }}
      sort={{ field: 'dueAt', order: 'ASC' }}
      perPage={25}
      exporter={false}
      actions={<InboxActions />}
      empty={false}
    >
      <CoverBanner />
      <InboxTabs />
      <InboxFilters />
      <InboxRows />
    </List>
  );
}
