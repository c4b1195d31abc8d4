import type { TTask } from '@guanai/api/types';
import { Divider, Stack, Typography } from '@mui/material';
import {
  ArrayField,
  Datagrid,
  DateField,
  FunctionField,
  Labeled,
  Show,
  TextField,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { DueChip } from '../tasks/DueChip.tsx';
import { TaskHandoverButtons } from '../tasks/TaskHandoverButtons.tsx';
import { CaseTimeline } from './CaseTimeline.tsx';
import { NoteForm } from './NoteForm.tsx';
import { StateChip } from './StateChip.tsx';
import { CaseStatechart } from './statechart/CaseStatechart.tsx';
import { CaseMatchingPanel } from '../matching/index.tsx';
import { CaseEvaluationPanel } from '../evaluation/index.tsx';
import type { CaseRecord } from './types.ts';

function CaseDetail() {
  const record = useRecordContext<CaseRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Stack spacing={2} sx={{ p: 2 }}>
      <Typography variant="h6">
        {record.caseNo} · {record.personName}
      </Typography>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={3} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Labeled label="resources.cases.fields.state">
          <StateChip />
        </Labeled>
        <Labeled label="resources.cases.fields.personIdMasked">
          <TextField source="personIdMasked" emptyText="—" />
        </Labeled>
        <Labeled label="resources.cases.fields.origin">
          <FunctionField<CaseRecord>
            source="origin"
            render={(c) => translate(`guanai.origins.${c.origin}`, { _: c.origin })}
          />
        </Labeled>
        <Labeled label="resources.cases.fields.owningUnitName">
          <TextField source="owningUnitName" />
        </Labeled>
        <Labeled label="resources.cases.fields.originUnitName">
          <TextField source="originUnitName" />
        </Labeled>
        <Labeled label="resources.cases.fields.createdAt">
          <DateField source="createdAt" showTime />
        </Labeled>
      </Stack>
      <Labeled label="resources.cases.fields.situation">
        <TextField source="situation" />
      </Labeled>
      {/* The case-level actions sit beside the statechart: what this user may do now, next to where the case is. */}
      <CaseStatechart />
      <CaseMatchingPanel />
      <CaseEvaluationPanel />
      <Divider />
      <Typography variant="subtitle1">{translate('guanai.case.tasks')}</Typography>
      <ArrayField source="tasks">
        <Datagrid
          bulkActionButtons={false}
          rowClick={(_id, _resource, task) => `/tasks/${encodeURIComponent(String(task.id))}/show`}
          resource="tasks"
        >
          <FunctionField<TTask> source="kind" render={(t) => translate(`guanai.kinds.${t.kind}`, { _: t.kind })} />
          <FunctionField<TTask>
            source="status"
            render={(t) => translate(`guanai.status.${t.status}`, { _: t.status })}
          />
          <TextField source="unitName" />
          <TextField source="assigneeName" emptyText="—" />
          <FunctionField source="dueAt" render={() => <DueChip />} />
          {/* Issue 15: a supervisor reassigns or releases a task from here, with a reason. */}
          <TaskHandoverButtons />
        </Datagrid>
      </ArrayField>
      <Divider />
      <Typography variant="subtitle1">{translate('guanai.case.timeline')}</Typography>
      <NoteForm />
      <CaseTimeline />
    </Stack>
  );
}

function CaseTitle() {
  const record = useRecordContext<CaseRecord>();
  return <span>{record ? `${record.caseNo} · ${record.personName}` : ''}</span>;
}

export function CaseShow() {
  return (
    <Show title={<CaseTitle />}>
      <CaseDetail />
    </Show>
  );
}
