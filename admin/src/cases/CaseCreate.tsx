import { BooleanInput, Create, DateInput, RadioButtonGroupInput, SimpleForm, TextInput, required, useNotify, useRedirect, useTranslate } from 'react-admin';
import { useNotifyProblem } from '../tasks/useTaskActions.ts';
import type { Case } from './types.ts';

const hukouChoices = [
  { id: 'CHENGDU', name: 'guanai.hukou.CHENGDU' },
  { id: 'OTHER', name: 'guanai.hukou.OTHER' },
];
const sexChoices = [
  { id: 'M', name: 'guanai.sex.M' },
  { id: 'F', name: 'guanai.sex.F' },
];

/** Drops empty optional fields so the API validates only what was entered. */
function transform(values: { person: Record<string, unknown>; situation: string; emergency?: boolean }) {
  const person = Object.fromEntries(Object.entries(values.person ?? {}).filter(([, v]) => v !== '' && v !== null && v !== undefined));
  return { person, situation: values.situation, emergency: values.emergency ?? false };
}

/** 立案登记: a station worker registers a self-application (§四(一)). */
export function CaseCreate() {
  const notify = useNotify();
  const redirect = useRedirect();
  const notifyProblem = useNotifyProblem();
  const translate = useTranslate();
  return (
    <Create
      title="guanai.case.register"
      transform={transform}
      mutationOptions={{
        onSuccess: (data: Case) => {
          notify('guanai.notifications.created', { type: 'success', messageArgs: { caseNo: data.caseNo } });
          redirect('show', 'cases', data.id);
        },
        onError: notifyProblem,
      }}
    >
      <SimpleForm defaultValues={{ person: { hukou: 'CHENGDU' }, emergency: false }}>
        <TextInput source="person.name" validate={required()} fullWidth />
        <TextInput source="person.idNumber" fullWidth />
        <RadioButtonGroupInput source="person.sex" choices={sexChoices} />
        <DateInput source="person.birthDate" />
        <TextInput source="person.phone" fullWidth />
        <TextInput source="person.address" fullWidth />
        <RadioButtonGroupInput source="person.hukou" choices={hukouChoices} validate={required()} helperText={translate('guanai.case.emergencyHint')} />
        <TextInput source="situation" multiline minRows={3} validate={required()} fullWidth />
        <BooleanInput source="emergency" />
      </SimpleForm>
    </Create>
  );
}
