import type { TTask } from '@guanai/api/types';
import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import UndoIcon from '@mui/icons-material/Undo';
import { useState } from 'react';
import { Button, useListContext, useRefresh, useTranslate, useUnselectAll } from 'react-admin';
import { useRole } from '../providers/useCan.ts';
import { HandoverDialog } from './HandoverDialog.tsx';

/**
 * The inbox's bulk actions for supervisors (issue 15): the selected tasks to a colleague of their
 * subtree ("指派给…") or back to their queues ("退回队列"), with a required reason, through one
 * handover; the dialog then shows each task's result. For a react-admin Datagrid's bulkActionButtons.
 */
export function HandoverBulkActions() {
  const role = useRole();
  const translate = useTranslate();
  const refresh = useRefresh();
  const { selectedIds, data, resource } = useListContext<TTask>();
  const unselectAll = useUnselectAll(resource ?? 'tasks');
  const [mode, setMode] = useState<'assign' | 'release' | null>(null);
  if (role !== 'SUPERVISOR') return null;
  const byId = new Map((data ?? []).map((task) => [String(task.id), task]));
  const describe = (taskId: string) => {
    const task = byId.get(taskId);
    return task ? `${translate(`guanai.kinds.${task.kind}`, { _: task.kind })} · ${task.personName}` : taskId;
  };
  return (
    <>
      <Button label="guanai.handover.assignTo" onClick={() => setMode('assign')}>
        <AssignmentIndIcon />
      </Button>
      <Button label="guanai.handover.backToQueue" onClick={() => setMode('release')}>
        <UndoIcon />
      </Button>
      {mode && (
        <HandoverDialog
          taskIds={selectedIds.map(String)}
          mode={mode}
          describe={describe}
          onClose={(changed) => {
            setMode(null);
            if (changed) {
              unselectAll();
              refresh();
            }
          }}
        />
      )}
    </>
  );
}
