import type { TResolution } from '@guanai/api/types';
import { MEETING_NEXT_STEPS } from '@guanai/workflows/vocabulary';
import GavelIcon from '@mui/icons-material/Gavel';
import { useState } from 'react';
import {
  ArrayInput,
  DateInput,
  Form,
  RadioButtonGroupInput,
  required,
  minLength,
  SaveButton,
  SelectInput,
  SimpleFormIterator,
  TextInput,
  useDataProvider,
  useNotify,
  useRefresh,
} from 'react-admin';
import type { GuanaiDataProvider } from '../../providers/dataProvider.ts';
import { useNotifyProblem } from '../../tasks/useTaskActions.ts';
import type { MeetingAction } from '../types.ts';
import { useDepartments } from './useDepartments.ts';

const nextChoices = MEETING_NEXT_STEPS.map((id) => ({ id, name: `guanai.evaluation.meetings.nexts.${id}` }));
const atLeastOne = (value: unknown) =>
  Array.isArray(value) && value.length > 0 ? undefined : 'guanai.evaluation.meetings.atLeastOneAction';

/** The body the API takes: trimmed words, every action with its department, action and deadline. */
export function resolutionBody(
  caseId: string,
  values: { resolution: string; next: TResolution['next']; actions: MeetingAction[] },
): TResolution {
  return {
    caseId,
    resolution: values.resolution.trim(),
    next: values.next,
    actions: values.actions.map((a) => ({ department: a.department, action: a.action.trim(), deadline: a.deadline })),
  };
}

/**
 * 决议 on one case of the agenda: what was decided, where the case goes next, and the actions each
 * member department takes by when. The actions become tasks of the meeting's center (MEETING_ACTION).
 */
export function ResolutionForm({
  meetingId,
  caseId,
  departments,
}: {
  meetingId: string;
  caseId: string;
  departments: string[];
}) {
  const dataProvider = useDataProvider<GuanaiDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const notifyProblem = useNotifyProblem();
  const { nameOf } = useDepartments();
  const [busy, setBusy] = useState(false);
  const choices = departments.map((code) => ({ id: code, name: nameOf(code) }));
  const submit = async (values: Record<string, unknown>) => {
    setBusy(true);
    try {
      await dataProvider.resolveMeetingCase(meetingId, resolutionBody(caseId, values as never));
      notify('guanai.evaluation.meetings.resolved', { type: 'success' });
      refresh();
    } catch (error) {
      notifyProblem(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form
      onSubmit={submit}
      defaultValues={{
        resolution: '',
        next: 'matching',
        actions: [{ department: departments[0] ?? '', action: '', deadline: '' }],
      }}
    >
      <TextInput
        source="resolution"
        label="guanai.evaluation.meetings.resolution"
        multiline
        minRows={2}
        fullWidth
        validate={[required(), minLength(4)]}
      />
      <RadioButtonGroupInput
        source="next"
        label="guanai.evaluation.meetings.next"
        choices={nextChoices}
        validate={required()}
      />
      <ArrayInput source="actions" label="guanai.evaluation.meetings.actions" validate={atLeastOne}>
        <SimpleFormIterator inline disableReordering>
          <SelectInput
            source="department"
            label="guanai.evaluation.meetings.department"
            choices={choices}
            validate={required()}
          />
          <TextInput source="action" label="guanai.evaluation.meetings.action" validate={[required(), minLength(2)]} />
          <DateInput source="deadline" label="guanai.evaluation.meetings.deadline" validate={required()} />
        </SimpleFormIterator>
      </ArrayInput>
      <SaveButton label="guanai.evaluation.meetings.resolve" icon={<GavelIcon />} disabled={busy} />
    </Form>
  );
}
