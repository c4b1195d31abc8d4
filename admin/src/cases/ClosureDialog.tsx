import { CLOSURE_REASONS, type ClosureReason } from '@guanai/workflows/vocabulary';
import { Button as MuiButton, DialogActions, DialogContent } from '@mui/material';
import {
  Form,
  SaveButton,
  SelectInput,
  required,
  useDataProvider,
  useNotify,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { DefinedFormFields, answersOf } from '../forms/DefinedFormFields.tsx';
import type { GuanaiDataProvider } from '../providers/dataProvider.ts';
import { useNotifyProblem } from '../tasks/useTaskActions.ts';

/**
 * Closing a case, or proposing its closure (结案): the reason, and the defined closure form (结案评估,
 * issue 17) of the case's district or the city, whose answers go with the action and are checked
 * against their own version.
 */
export function ClosureDialog({
  caseId,
  type,
  onClose,
}: {
  caseId: string;
  type: 'CLOSE' | 'PROPOSE_CLOSURE';
  onClose: () => void;
}) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<GuanaiDataProvider>();
  const notify = useNotify();
  const notifyProblem = useNotifyProblem();
  const refresh = useRefresh();
  const submit = async (values: Record<string, unknown>) => {
    const answers = answersOf(values.answers);
    try {
      await dataProvider.caseAction(caseId, {
        type,
        reason: values.reason as ClosureReason,
        ...(answers ? { answers } : {}),
      });
      notify('guanai.caseActions.done', { type: 'success' });
      onClose();
      refresh();
    } catch (error) {
      notifyProblem(error);
    }
  };
  return (
    <Form onSubmit={submit} record={{ reason: 'resolved' }}>
      <DialogContent>
        <SelectInput
          source="reason"
          label="guanai.caseActions.closureReason"
          choices={CLOSURE_REASONS.map((r) => ({ id: r, name: `guanai.closure.${r}` }))}
          validate={required()}
          fullWidth
        />
        <DefinedFormFields kind="CLOSURE" caseId={caseId} />
      </DialogContent>
      <DialogActions>
        <MuiButton onClick={onClose}>{translate('ra.action.cancel')}</MuiButton>
        <SaveButton label="ra.action.confirm" icon={<></>} alwaysEnable />
      </DialogActions>
    </Form>
  );
}
