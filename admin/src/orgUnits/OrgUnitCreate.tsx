import type { TOrgUnit } from '@guanai/api/types';
import {
  AutocompleteInput,
  Create,
  ReferenceInput,
  SelectInput,
  SimpleForm,
  TextInput,
  regex,
  required,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { levelChoices, parentLevel, unitText } from './types.ts';

/** The parent picker offers only units one level up from the chosen level. */
function ParentInput() {
  const level = useWatch({ name: 'level' }) as string | undefined;
  const above = parentLevel(level);
  return (
    <ReferenceInput
      source="parentId"
      reference="org-units"
      filter={above ? { level: above } : {}}
      sort={{ field: 'code', order: 'ASC' }}
    >
      <AutocompleteInput
        optionText={(u: TOrgUnit) => unitText(u)}
        validate={required()}
        helperText="guanai.orgUnits.parentHint"
        fullWidth
        disabled={!above}
      />
    </ReferenceInput>
  );
}

/** Admin: a new unit under an existing one (the roster import does many at once). */
export function OrgUnitCreate() {
  return (
    <Create redirect="list">
      <SimpleForm>
        <TextInput
          source="code"
          validate={[required(), regex(/^\d{12}$/, 'guanai.orgUnits.codeFormat')]}
          helperText="guanai.orgUnits.codeFormat"
        />
        <TextInput source="name" validate={required()} fullWidth />
        <SelectInput source="level" choices={levelChoices.filter((c) => c.id !== 'CITY')} validate={required()} />
        <ParentInput />
      </SimpleForm>
    </Create>
  );
}
