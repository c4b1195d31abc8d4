import type { TTask } from '@guanai/api/types';
import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import EditNoteIcon from '@mui/icons-material/EditNote';
import UndoIcon from '@mui/icons-material/Undo';
import { useState, type MouseEvent } from 'react';
import { Button, useGetIdentity, useRecordContext } from 'react-admin';
import { Link } from 'react-router-dom';
import { useTaskActions } from './useTaskActions.ts';

const stop = (event: MouseEvent) => event.stopPropagation();

/** Claim, release or open the form, depending on who holds the task. */
export function TaskButtons() {
  const task = useRecordContext<TTask>();
  const { identity } = useGetIdentity();
  const { claim, release } = useTaskActions();
  const [busy, setBusy] = useState(false);
  if (!task || task.status !== 'OPEN') return null;
  const act = (fn: (id: string) => Promise<unknown>) => async (event: MouseEvent) => {
    event.stopPropagation();
    setBusy(true);
    await fn(task.id);
    setBusy(false);
  };
  if (!task.assigneeId) {
    return (
      <Button label="guanai.actions.claim" onClick={act(claim)} disabled={busy} variant="contained" size="small">
        <AssignmentIndIcon />
      </Button>
    );
  }
  if (task.assigneeId !== identity?.id) return null;
  return (
    <span onClick={stop} style={{ display: 'inline-flex', gap: 8, flexWrap: 'wrap' }}>
      <Button
        label="guanai.actions.complete"
        component={Link}
        to={`/tasks/${encodeURIComponent(task.id)}/show`}
        variant="contained"
        size="small"
      >
        <EditNoteIcon />
      </Button>
      <Button label="guanai.actions.release" onClick={act(release)} disabled={busy} size="small">
        <UndoIcon />
      </Button>
    </span>
  );
}
