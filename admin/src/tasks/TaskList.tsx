import type { TTask } from '@guanai/api/types';
import { Chip, Tab, Tabs, useMediaQuery, type Theme } from '@mui/material';
import { Datagrid, FunctionField, List, SimpleList, TextField, useListContext, useTranslate } from 'react-admin';
import { DueChip } from './DueChip.tsx';
import { TaskButtons } from './TaskButtons.tsx';

/** 我的任务 / 本单位队列: two views of the same list, switched by the `scope` filter. */
function ScopeTabs() {
  const { filterValues, setFilters } = useListContext();
  const translate = useTranslate();
  const scope = filterValues.scope === 'unit' ? 'unit' : 'mine';
  return (
    <Tabs
      value={scope}
      onChange={(_, value: string) => setFilters({ ...filterValues, scope: value }, {})}
      variant="fullWidth"
    >
      <Tab value="mine" label={translate('guanai.inbox.mine')} />
      <Tab value="unit" label={translate('guanai.inbox.unit')} />
    </Tabs>
  );
}

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
export function TaskGrid() {
  return (
    <Datagrid rowClick="show" bulkActionButtons={false}>
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

export function TaskList() {
  const isSmall = useMediaQuery((theme: Theme) => theme.breakpoints.down('md'));
  const translate = useTranslate();
  return (
    <List
      title="guanai.inbox.title"
      filterDefaultValues={{ scope: 'mine', status: 'OPEN' }}
      sort={{ field: 'dueAt', order: 'ASC' }}
      perPage={25}
      exporter={false}
      actions={false}
      empty={false}
    >
      <ScopeTabs />
      {isSmall ? (
        <SimpleList<TTask>
          primaryText={(task) =>
            `${translate(`guanai.kinds.${task.kind}`, { _: task.kind })}${task.title ? ` · ${task.title}` : ''} · ${task.personName}${task.flags?.length ? ` ⚠ ${task.flags.map((f) => translate(`guanai.flags.${f.flag}`, { _: f.flag })).join('、')}` : ''}`
          }
          secondaryText={(task) =>
            `${task.caseNo} · ${task.unitName}${task.assigneeName ? ` · ${task.assigneeName}` : ''}`
          }
          tertiaryText={() => <DueChip />}
          linkType="show"
          rowSx={(task) => (task.emergency ? { borderLeft: '4px solid #d32f2f' } : {})}
        />
      ) : (
        <TaskGrid />
      )}
    </List>
  );
}
