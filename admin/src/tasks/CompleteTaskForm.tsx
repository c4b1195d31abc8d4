import type { TTask } from '@guanai/api/types';
import { Alert } from '@mui/material';
import {
  ArrayInput,
  BooleanInput,
  CheckboxGroupInput,
  DateInput,
  NumberInput,
  Form,
  RadioButtonGroupInput,
  SaveButton,
  SelectInput,
  SimpleFormIterator,
  TextInput,
  required,
  useDataProvider,
  useNotify,
  useTranslate,
} from 'react-admin';
import { useNavigate } from 'react-router-dom';
import {
  ESCALATION_TARGETS,
  GOV_SCHEMES,
  MEETING_NEXT_STEPS,
  NEED_CATEGORIES,
  SCREENING_OUTCOMES,
  SEVERITIES,
  TEMP_AID_SCHEMES,
} from '@guanai/workflows/vocabulary';
import { planFieldsFor } from '../plans/index.tsx';
import type { GuanaiDataProvider } from '../providers/dataProvider.ts';
import { useNotifyProblem } from './useTaskActions.ts';
import { EligibilityPanel } from '../eligibility/index.ts';
import { DefinedTaskFormFields, answersOf } from '../forms/DefinedFormFields.tsx';

const choices = (prefix: string, ids: readonly string[]) => ids.map((id) => ({ id, name: `${prefix}.${id}` }));

/** ASSESS needs at least one need (the API refuses an empty list). */
const atLeastOne = (value: unknown) =>
  Array.isArray(value) && value.length > 0 ? undefined : 'guanai.forms.atLeastOneNeed';

const note = <TextInput key="note" source="note" label="guanai.forms.note" multiline fullWidth />;

/**
 * MATCH and DELIVER complete only from the catalogue's records: the API takes the case's accepted
 * matches (MATCH) or its delivery ledger (DELIVER), so nothing is typed in but a note (§四(七), §四(八)).
 */
function FromRecords({ help }: { help: string }) {
  const translate = useTranslate();
  return (
    <Alert severity="info" sx={{ mb: 2 }}>
      {translate(help)}
    </Alert>
  );
}

/** The inputs of each task kind; the API validates the same shape (tasks.types.ts). */
function fieldsFor(kind: string, caseId = '') {
  switch (kind) {
    case 'REGISTER':
      return [<BooleanInput key="v" source="verified" label="guanai.forms.verified" defaultValue={true} />, note];
    case 'SCREEN':
      return [
        // §二 无缝衔接: the suggestions from the standards in force, their decisions and the referrals' details.
        <EligibilityPanel key="e" caseId={caseId} />,
        <CheckboxGroupInput
          key="r"
          source="referrals"
          label="guanai.forms.referrals"
          choices={choices('guanai.schemes', GOV_SCHEMES)}
          defaultValue={[]}
          row={false}
        />,
        <RadioButtonGroupInput
          key="o"
          source="outcome"
          label="guanai.forms.outcome"
          choices={choices('guanai.outcomes', SCREENING_OUTCOMES)}
          validate={required()}
          row={false}
        />,
        note,
      ];
    case 'MONITOR':
      return [<BooleanInput key="g" source="granted" label="guanai.forms.granted" defaultValue={false} />, note];
    case 'ASSESS':
      return [
        <ArrayInput
          key="n"
          source="needs"
          label="guanai.forms.needs"
          validate={atLeastOne}
          defaultValue={[{ category: 'BASIC_LIVING', severity: 'MEDIUM' }]}
        >
          <SimpleFormIterator inline disableReordering>
            <SelectInput
              source="category"
              label="guanai.forms.category"
              choices={choices('guanai.categories', NEED_CATEGORIES)}
              validate={required()}
            />
            <SelectInput
              source="severity"
              label="guanai.forms.severity"
              choices={choices('guanai.severities', SEVERITIES)}
              validate={required()}
            />
            <TextInput source="description" label="guanai.forms.description" />
          </SimpleFormIterator>
        </ArrayInput>,
        note,
      ];
    case 'MATCH':
      return [<FromRecords key="r" help="guanai.matching.task.fromMatchesHelp" />, note];
    case 'DELIVER':
      return [<FromRecords key="r" help="guanai.matching.task.fromLedgerHelp" />, note];
    case 'ACCEPT_ESCALATION':
      return [
        <BooleanInput key="a" source="accepted" label="guanai.forms.accepted" defaultValue={true} />,
        <RadioButtonGroupInput
          key="t"
          source="target"
          label="guanai.forms.target"
          choices={choices('guanai.forms.targets', ESCALATION_TARGETS)}
          defaultValue="resume"
          helperText="guanai.forms.targetHelp"
        />,
        <TextInput key="g" source="guidance" label="guanai.forms.guidance" multiline fullWidth />,
      ];
    case 'JOINT_MEETING':
      return [
        <RadioButtonGroupInput
          key="n"
          source="next"
          label="guanai.forms.next"
          choices={choices('guanai.forms.nexts', MEETING_NEXT_STEPS)}
          validate={required()}
        />,
        <ArrayInput
          key="a"
          source="actions"
          label="guanai.forms.actions"
          defaultValue={[{ department: '', action: '' }]}
        >
          <SimpleFormIterator inline disableReordering>
            <TextInput source="department" label="guanai.forms.department" validate={required()} />
            <TextInput source="action" label="guanai.forms.action" validate={required()} />
            <DateInput source="deadline" label="guanai.forms.deadline" validate={required()} />
          </SimpleFormIterator>
        </ArrayInput>,
        note,
      ];
    case 'EMERGENCY_AID':
      return [
        <RadioButtonGroupInput
          key="s"
          source="scheme"
          label="guanai.forms.scheme"
          choices={choices('guanai.forms.schemes', TEMP_AID_SCHEMES)}
          validate={required()}
        />,
        <NumberInput key="a" source="amount" label="guanai.forms.amount" min={0} />,
        note,
      ];
    case 'APPROVE_CLOSURE':
      return [
        <BooleanInput key="a" source="approved" label="guanai.forms.approved" defaultValue={true} />,
        <TextInput key="r" source="reason" label="guanai.forms.reason" multiline fullWidth />,
      ];
    case 'MEETING_ACTION':
      return [
        <TextInput
          key="o"
          source="outcome"
          label="guanai.forms.meetingOutcome"
          multiline
          minRows={2}
          fullWidth
          validate={required()}
        />,
        note,
      ];
    default:
      return null;
  }
}

/** Drops empty optional values (also inside rows) so the API sees only what was filled in. */
function clean(values: Record<string, unknown>): Record<string, unknown> {
  const keep = (value: unknown) => value !== '' && value !== null && value !== undefined;
  return Object.fromEntries(
    Object.entries(values)
      .filter(([, value]) => keep(value))
      .map(([key, value]) => [
        key,
        Array.isArray(value)
          ? value.map((row) => (row && typeof row === 'object' ? clean(row as Record<string, unknown>) : row))
          : value,
      ]),
  );
}

export function CompleteTaskForm({ task }: { task: TTask }) {
  const dataProvider = useDataProvider<GuanaiDataProvider>();
  const notify = useNotify();
  const notifyProblem = useNotifyProblem();
  const translate = useTranslate();
  const navigate = useNavigate();
  // §四(二): the plan, its approval and the follow-up visit go item by item (plans/).
  const fields = planFieldsFor(task) ?? fieldsFor(task.kind, task.caseId);
  if (!fields) return <Alert severity="info">{translate('guanai.forms.matchPending')}</Alert>;
  const submit = async (values: Record<string, unknown>) => {
    try {
      // Issue 17: the defined form's answers go beside the task's own form.
      const { answers, ...form } = clean(values);
      const { data } = await dataProvider.completeTask(task.id, form, answersOf(answers));
      notify('guanai.notifications.completed', {
        type: 'success',
        messageArgs: { state: translate(`guanai.states.${data.state}`, { _: data.state }) },
      });
      // The router's navigation promise settles when the page has changed; there is nothing to wait for.
      void navigate(`/cases/${data.caseId}/show`);
    } catch (error) {
      notifyProblem(error);
    }
  };
  return (
    <Form onSubmit={submit} record={{}}>
      {fields}
      <DefinedTaskFormFields task={task} />
      <SaveButton label="guanai.actions.submit" alwaysEnable />
    </Form>
  );
}
