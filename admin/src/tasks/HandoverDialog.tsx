import {
  Alert,
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  List,
  ListItem,
  ListItemText,
} from '@mui/material';
import { useMemo, useState } from 'react';
import {
  AutocompleteInput,
  Form,
  ReferenceInput,
  SaveButton,
  TextInput,
  required,
  useDataProvider,
  useTranslate,
} from 'react-admin';
import type { GuanaiDataProvider } from '../providers/dataProvider.ts';
import { idempotencyKey } from '../providers/api.ts';
import { useNotifyProblem } from './useTaskActions.ts';

export interface HandoverResult {
  taskId: string;
  caseId: string;
  outcome: 'REASSIGNED' | 'RELEASED' | 'REFUSED';
  assigneeId: string | null;
  message?: string;
}

interface Colleague {
  id: string;
  displayName: string;
  orgUnitName: string;
}

const colleagueText = (c?: Colleague) => (c ? `${c.displayName}（${c.orgUnitName}）` : '');

/**
 * The reason dialog of a handover (issue 15): to a colleague of the supervisor's subtree ("指派给…")
 * or back to the queues ("退回队列"), one task or many, with a required reason; then each task's
 * result. One Idempotency-Key per dialog: a retried click joins the same handover.
 */
export function HandoverDialog({
  taskIds,
  mode,
  describe,
  onClose,
  single = false,
}: {
  taskIds: string[];
  /** One task through its own routes (reassign, release) instead of the bulk handover. */
  single?: boolean;
  mode: 'assign' | 'release';
  /** How a task is named in the results (its kind and person), from the list the dialog was opened on. */
  describe: (taskId: string) => string;
  onClose: (changed: boolean) => void;
}) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<GuanaiDataProvider>();
  const notifyProblem = useNotifyProblem();
  const key = useMemo(() => idempotencyKey(), []);
  const [results, setResults] = useState<HandoverResult[] | null>(null);
  const submit = async (values: Record<string, unknown>) => {
    const reason = String(values.reason ?? '');
    try {
      // One task from its own page: its own route (a refusal is then the API's 4xx, shown as such).
      if (single) {
        const [taskId] = taskIds as [string];
        const { data } =
          mode === 'assign'
            ? await dataProvider.reassignTask(taskId, String(values.assigneeId), reason)
            : await dataProvider.releaseTask(taskId, reason);
        setResults([
          {
            taskId,
            caseId: data.caseId,
            outcome: mode === 'assign' ? 'REASSIGNED' : 'RELEASED',
            assigneeId: data.assigneeId,
          },
        ]);
        return;
      }
      const { data } = await dataProvider.handOverTasks(
        {
          taskIds,
          assigneeId: mode === 'assign' ? String(values.assigneeId) : null,
          reason,
        },
        key,
      );
      setResults(data.results as HandoverResult[]);
    } catch (error) {
      notifyProblem(error);
    }
  };
  const refused = results?.filter((r) => r.outcome === 'REFUSED').length ?? 0;
  const title = translate(mode === 'assign' ? 'guanai.handover.assignTitle' : 'guanai.handover.releaseTitle', {
    smart_count: taskIds.length,
  });
  return (
    <Dialog open onClose={() => onClose(results !== null)} fullWidth maxWidth="sm">
      <DialogTitle>{title}</DialogTitle>
      {results ? (
        <>
          <DialogContent>
            <Alert severity={refused ? 'warning' : 'success'} sx={{ mb: 1 }}>
              {translate('guanai.handover.summary', { done: results.length - refused, refused })}
            </Alert>
            <List dense aria-label={translate('guanai.handover.results')}>
              {results.map((r) => (
                <ListItem key={r.taskId} disableGutters>
                  <ListItemText
                    primary={`${describe(r.taskId)} — ${translate(`guanai.handover.outcomes.${r.outcome}`)}`}
                    secondary={r.message}
                  />
                </ListItem>
              ))}
            </List>
          </DialogContent>
          <DialogActions>
            <MuiButton onClick={() => onClose(true)} variant="contained">
              {translate('guanai.handover.close')}
            </MuiButton>
          </DialogActions>
        </>
      ) : (
        // A fresh form: not the task's own values (its current assignee is not the new one).
        <Form onSubmit={submit} record={{}}>
          <DialogContent>
            {mode === 'assign' && (
              <ReferenceInput
                source="assigneeId"
                reference="colleagues"
                filter={{ scope: 'subtree' }}
                sort={{ field: 'displayName', order: 'ASC' }}
              >
                <AutocompleteInput
                  label="guanai.handover.colleague"
                  optionText={colleagueText}
                  filterToQuery={(q: string) => ({ q })}
                  validate={required()}
                  helperText="guanai.handover.colleagueHelp"
                  fullWidth
                />
              </ReferenceInput>
            )}
            <TextInput
              source="reason"
              label="guanai.handover.reason"
              helperText="guanai.handover.reasonHelp"
              validate={required()}
              multiline
              fullWidth
            />
          </DialogContent>
          <DialogActions>
            <MuiButton onClick={() => onClose(false)}>{translate('guanai.handover.cancel')}</MuiButton>
            <SaveButton label="guanai.handover.confirm" icon={<></>} alwaysEnable />
          </DialogActions>
        </Form>
      )}
    </Dialog>
  );
}
