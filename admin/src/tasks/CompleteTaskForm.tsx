import { Alert } from '@mui/material';
import {
  ArrayInput,
  BooleanInput,
  CheckboxGroupInput,
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
import type { GuanaiDataProvider } from '../providers/dataProvider.ts';
import { useNotifyProblem } from './useTaskActions.ts';
import type { Task } from './types.ts';

const SCHEMES = ['DIBAO', 'TEKUN', 'LINSHI', 'YILIAO', 'JIAOYU', 'ZHUFANG', 'JIUYE', 'SHOUZAI'];
const CATEGORIES = ['BASIC_LIVING', 'MEDICAL', 'EDUCATION', 'HOUSING', 'EMPLOYMENT', 'CARE', 'PSYCHOLOGICAL', 'LEGAL', 'EMERGENCY', 'OTHER'];
const choices = (prefix: string, ids: string[]) => ids.map((id) => ({ id, name: `${prefix}.${id}` }));

const note = <TextInput key="note" source="note" label="guanai.forms.note" multiline fullWidth />;

/** The inputs of each task kind; the API validates the same shape (tasks.types.ts). */
function fieldsFor(kind: string) {
  switch (kind) {
    case 'REGISTER':
      return [<BooleanInput key="v" source="verified" label="guanai.forms.verified" defaultValue={true} />, note];
    case 'SCREEN':
      return [
        <CheckboxGroupInput key="r" source="referrals" label="guanai.forms.referrals" choices={choices('guanai.schemes', SCHEMES)} defaultValue={[]} row={false} />,
        <RadioButtonGroupInput key="o" source="outcome" label="guanai.forms.outcome" choices={choices('guanai.outcomes', ['RESIDUAL_NEED', 'GOV_AID_ONLY', 'NO_NEED'])} validate={required()} row={false} />,
        note,
      ];
    case 'MONITOR':
      return [<BooleanInput key="g" source="granted" label="guanai.forms.granted" defaultValue={false} />, note];
    case 'ASSESS':
      return [
        <ArrayInput key="n" source="needs" label="guanai.forms.needs" defaultValue={[{ category: 'BASIC_LIVING', severity: 'MEDIUM' }]}>
          <SimpleFormIterator inline disableReordering>
            <SelectInput source="category" label="guanai.forms.category" choices={choices('guanai.categories', CATEGORIES)} validate={required()} />
            <SelectInput source="severity" label="guanai.forms.severity" choices={choices('guanai.severities', ['LOW', 'MEDIUM', 'HIGH'])} validate={required()} />
            <TextInput source="description" label="guanai.forms.description" />
          </SimpleFormIterator>
        </ArrayInput>,
        note,
      ];
    case 'PLAN':
      return [<TextInput key="s" source="summary" label="guanai.forms.summary" multiline fullWidth minRows={3} validate={required()} />, note];
    case 'APPROVE_PLAN':
      return [<BooleanInput key="a" source="approved" label="guanai.forms.approved" defaultValue={true} />, <TextInput key="r" source="reason" label="guanai.forms.reason" multiline fullWidth />];
    case 'FOLLOW_UP':
      return [<BooleanInput key="r" source="resolved" label="guanai.forms.resolved" defaultValue={true} />, note];
    default:
      return null;
  }
}

/** Drops empty optional strings so the API sees only what was filled in. */
function clean(values: Record<string, unknown>) {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== '' && value !== null && value !== undefined));
}

export function CompleteTaskForm({ task }: { task: Task }) {
  const dataProvider = useDataProvider<GuanaiDataProvider>();
  const notify = useNotify();
  const notifyProblem = useNotifyProblem();
  const translate = useTranslate();
  const navigate = useNavigate();
  const fields = fieldsFor(task.kind);
  if (!fields) return <Alert severity="info">{translate('guanai.forms.matchPending')}</Alert>;
  const submit = async (values: Record<string, unknown>) => {
    try {
      const { data } = await dataProvider.completeTask(task.id, clean(values));
      notify('guanai.notifications.completed', { type: 'success', messageArgs: { state: translate(`guanai.states.${data.state}`, { _: data.state }) } });
      navigate(`/cases/${data.caseId}/show`);
    } catch (error) {
      notifyProblem(error);
    }
  };
  return (
    <Form onSubmit={submit} record={{}}>
      {fields}
      <SaveButton label="guanai.actions.submit" alwaysEnable />
    </Form>
  );
}
