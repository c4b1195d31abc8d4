import type { TTask } from '@guanai/api/types';
import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
import UndoIcon from '@mui/icons-material/Undo';
import { useState, type MouseEvent } from 'react';
import { Button, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { useRole } from '../providers/useCan.ts';
import { HandoverDialog } from './HandoverDialog.tsx';

/**
 * A supervisor's per-task handover (issue 15), on the task page and the case page's task list:
 * "改派" to a colleague, and "退回队列" for a claimed task, each with a required reason.
 */
export function TaskHandoverButtons() {
  const task = useRecordContext<TTask>();
  const role = useRole();
  const translate = useTranslate();
  const refresh = useRefresh();
  const [mode, setMode] = useState<'assign' | 'release' | null>(null);
  if (!task || task.status !== 'OPEN' || role !== 'SUPERVISOR') return null;
  const open = (next: 'assign' | 'release') => (event: MouseEvent) => {
    event.stopPropagation(); // a row click opens the task
    setMode(next);
  };
  return (
    <span onClick={(event) => event.stopPropagation()} style={{ display: 'inline-flex', gap: 8, flexWrap: 'wrap' }}>
      <Button label="guanai.handover.reassign" onClick={open('assign')} size="small">
        <SwapHorizIcon />
      </Button>
      {task.assigneeId && (
        <Button label="guanai.handover.release" onClick={open('release')} size="small">
          <UndoIcon />
        </Button>
      )}
      {mode && (
        <HandoverDialog
          single
          taskIds={[String(task.id)]}
          mode={mode}
          describe={() => `${translate(`guanai.kinds.${task.kind}`, { _: task.kind })} · ${task.personName ?? ''}`}
          onClose={(changed) => {
            setMode(null);
            if (changed) refresh();
          }}
        />
      )}
    </span>
  );
}
