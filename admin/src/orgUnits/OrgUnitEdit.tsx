import type { TOrgUnit } from '@guanai/api/types';
import { Edit, FunctionField, Labeled, SimpleForm, TextField, TextInput, required, useTranslate } from 'react-admin';
import { SaveOnlyToolbar } from '../layout/SaveOnlyToolbar.tsx';

/** Only the name may change: code, level and parent are fixed once cases refer to the unit. */
const transform = ({ name }: TOrgUnit) => ({ name });

export function OrgUnitEdit() {
  const translate = useTranslate();
  return (
    <Edit transform={transform} mutationMode="pessimistic" redirect="list">
      <SimpleForm toolbar={<SaveOnlyToolbar />}>
        <Labeled>
          <TextField source="code" />
        </Labeled>
        <Labeled>
          <FunctionField<TOrgUnit>
            source="level"
            render={(u) => translate(`guanai.orgLevels.${u.level}`, { _: u.level })}
          />
        </Labeled>
        <Labeled>
          <TextField source="parentName" emptyText="—" />
        </Labeled>
        <TextInput source="name" validate={required()} fullWidth helperText="guanai.orgUnits.fixed" />
      </SimpleForm>
    </Edit>
  );
}
