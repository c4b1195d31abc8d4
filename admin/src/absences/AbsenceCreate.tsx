import {
  AutocompleteInput,
  Create,
  DateTimeInput,
  FormDataConsumer,
  ReferenceInput,
  SimpleForm,
  TextInput,
  required,
} from 'react-admin';
import { useRole } from '../providers/useCan.ts';

interface Colleague {
  id: string;
  displayName: string;
  orgUnitName: string;
}

const colleagueText = (c?: Colleague) => (c ? `${c.displayName}（${c.orgUnitName}）` : '');

/** The form's local date-times as the API's ISO instants; an empty member means "myself". */
const toBody = (values: Record<string, unknown>) => ({
  ...(values.userId ? { userId: values.userId } : {}),
  delegateId: values.delegateId,
  startsAt: new Date(String(values.startsAt)).toISOString(),
  endsAt: new Date(String(values.endsAt)).toISOString(),
  ...(values.note ? { note: values.note } : {}),
});

/**
 * 登记休假: from, to, and a delegate of the same unit (the API refuses another unit, oneself, an end
 * before the start and an overlap, naming the field). A supervisor may set it for a team member.
 */
export function AbsenceCreate() {
  const role = useRole();
  return (
    <Create transform={toBody} redirect="list" title="guanai.absences.create">
      <SimpleForm>
        {role === 'SUPERVISOR' && (
          <ReferenceInput
            source="userId"
            reference="colleagues"
            filter={{ scope: 'subtree' }}
            sort={{ field: 'displayName', order: 'ASC' }}
          >
            <AutocompleteInput
              optionText={colleagueText}
              filterToQuery={(q: string) => ({ q })}
              helperText="guanai.absences.forMember"
              fullWidth
            />
          </ReferenceInput>
        )}
        <FormDataConsumer>
          {({ formData }) => (
            <ReferenceInput
              source="delegateId"
              reference="colleagues"
              filter={{ scope: 'same', ...(formData.userId ? { of: formData.userId } : {}) }}
              sort={{ field: 'displayName', order: 'ASC' }}
            >
              <AutocompleteInput
                optionText={colleagueText}
                filterToQuery={(q: string) => ({ q })}
                validate={required()}
                fullWidth
              />
            </ReferenceInput>
          )}
        </FormDataConsumer>
        <DateTimeInput source="startsAt" validate={required()} />
        <DateTimeInput source="endsAt" validate={required()} />
        <TextInput source="note" multiline fullWidth />
      </SimpleForm>
    </Create>
  );
}
