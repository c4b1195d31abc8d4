import { Button, Stack, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import type { CaseRecord } from '../types.ts';

/** The case's open tasks, each a way to its task page (where claiming and completing happen). */
export function CaseOpenTasks() {
  const record = useRecordContext<CaseRecord>();
  const translate = useTranslate();
  const open = record?.tasks?.filter((task) => task.status === 'OPEN') ?? [];
  if (!open.length) return null;
  return (
    <Stack spacing={0.5}>
      <Typography variant="caption" color="text.secondary">
        {translate('guanai.statechart.tasks')}
      </Typography>
      {open.map((task) => (
        <Button
          key={task.id}
          component={Link}
          to={`/tasks/${encodeURIComponent(task.id)}/show`}
          size="small"
          variant="outlined"
          sx={{ justifyContent: 'flex-start', textAlign: 'left' }}
        >
          {translate('guanai.statechart.openTask', { kind: task.title ?? translate(`guanai.kinds.${task.kind}`) })}
          {task.assigneeName ? ` · ${task.assigneeName}` : ''}
        </Button>
      ))}
    </Stack>
  );
}
