import {
  CheckboxGroupInput,
  Create,
  DateTimeInput,
  maxLength,
  minLength,
  required,
  SimpleForm,
  TextInput,
} from 'react-admin';
import { useNotifyProblem } from '../../tasks/useTaskActions.ts';
import { useDepartments } from './useDepartments.ts';

/** What the API takes: the time as ISO 8601 with its offset, no empty location. */
export function meetingBody(values: Record<string, unknown>) {
  const location = typeof values.location === 'string' ? values.location.trim() : '';
  return {
    title: String(values.title ?? '').trim(),
    scheduledAt: new Date(values.scheduledAt as string | Date).toISOString(),
    ...(location ? { location } : {}),
    departments: values.departments as string[],
  };
}

/** 安排联席会议: at the user's own center (city or district), with its member departments. */
export function MeetingCreate() {
  const notifyProblem = useNotifyProblem();
  const { departments } = useDepartments();
  return (
    <Create transform={meetingBody} redirect="show" mutationOptions={{ onError: notifyProblem }}>
      <SimpleForm defaultValues={{ departments: [] }}>
        <TextInput source="title" validate={[required(), minLength(2), maxLength(100)]} fullWidth />
        <DateTimeInput source="scheduledAt" validate={required()} />
        <TextInput source="location" validate={maxLength(100)} fullWidth />
        <CheckboxGroupInput
          source="departments"
          choices={departments}
          optionValue="code"
          optionText="name"
          validate={required()}
          helperText="guanai.evaluation.meetings.departmentsHelp"
          sx={{
            '& .MuiFormGroup-root': { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))' },
          }}
        />
      </SimpleForm>
    </Create>
  );
}
