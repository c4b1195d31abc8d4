import EventBusyIcon from '@mui/icons-material/EventBusy';
import { Button, useDelete, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { useNotifyProblem } from '../tasks/useTaskActions.ts';
import { absenceState, type Absence } from './types.ts';

/** Ends a running absence now, or cancels one not yet begun (the user is back: their work comes to them again). */
export function EndAbsenceButton() {
  const absence = useRecordContext<Absence>();
  const [remove, { isPending }] = useDelete();
  const notify = useNotify();
  const notifyProblem = useNotifyProblem();
  const refresh = useRefresh();
  if (!absence || absenceState(absence) === 'over') return null;
  return (
    <Button
      label="guanai.absences.end"
      disabled={isPending}
      onClick={() =>
        remove(
          'absences',
          { id: absence.id, previousData: absence },
          {
            mutationMode: 'pessimistic',
            onSuccess: () => {
              notify('guanai.absences.ended', { type: 'success' });
              refresh();
            },
            onError: notifyProblem,
          },
        )
      }
    >
      <EventBusyIcon />
    </Button>
  );
}
