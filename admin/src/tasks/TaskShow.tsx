import type { TTask } from '@guanai/api/types';
import { Card, CardContent, Stack, Typography } from '@mui/material';
import {
  FunctionField,
  Labeled,
  Link,
  Show,
  TextField,
  useGetIdentity,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { CompleteTaskForm } from './CompleteTaskForm.tsx';
import { DueChip } from './DueChip.tsx';
import { TaskButtons } from './TaskButtons.tsx';
import { TaskHandoverButtons } from './TaskHandoverButtons.tsx';

function TaskDetail() {
  const task = useRecordContext<TTask>();
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  if (!task) return null;
  const mine = task.status === 'OPEN' && task.assigneeId === identity?.id;
  return (
    <Stack spacing={2} sx={{ p: 2 }}>
      <Typography variant="h6">
        {translate(`guanai.kinds.${task.kind}`, { _: task.kind })} · {task.personName}
      </Typography>
      {task.title && <Typography variant="subtitle1">{task.title}</Typography>}
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={3} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Labeled label="resources.tasks.fields.caseNo">
          <Link to={`/cases/${task.caseId}/show`}>{task.caseNo}</Link>
        </Labeled>
        <Labeled label="resources.tasks.fields.caseState">
          <FunctionField<TTask>
            source="caseState"
            render={(t) => translate(`guanai.states.${t.caseState}`, { _: t.caseState })}
          />
        </Labeled>
        <Labeled label="resources.tasks.fields.unitName">
          <TextField source="unitName" />
        </Labeled>
        <Labeled label="resources.tasks.fields.assigneeName">
          <TextField source="assigneeName" emptyText="—" />
        </Labeled>
        <Labeled label="resources.tasks.fields.dueAt">
          <DueChip />
        </Labeled>
      </Stack>
      {!mine && <TaskButtons />}
      <TaskHandoverButtons />
      {mine && (
        <Card variant="outlined">
          <CardContent>
            <CompleteTaskForm task={task} />
          </CardContent>
        </Card>
      )}
    </Stack>
  );
}

function TaskTitle() {
  const task = useRecordContext<TTask>();
  const translate = useTranslate();
  return <span>{task ? `${translate(`guanai.kinds.${task.kind}`, { _: task.kind })} · ${task.caseNo}` : ''}</span>;
}

export function TaskShow() {
  return (
    <Show title={<TaskTitle />}>
      <TaskDetail />
    </Show>
  );
}
