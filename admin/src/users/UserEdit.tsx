import {
  BooleanInput,
  Edit,
  Labeled,
  ListButton,
  SelectInput,
  SimpleForm,
  TextField,
  TextInput,
  TopToolbar,
  required,
} from 'react-admin';
import { SaveOnlyToolbar } from '../layout/SaveOnlyToolbar.tsx';
import { PartnerInput } from './PartnerInput.tsx';
import { ResetPasswordButton } from './ResetPasswordButton.tsx';
import { roleChoices, type User } from './roles.ts';
import { UnitInput } from './UnitInput.tsx';

/**
 * Only what an admin may change (never the username, hashes or sessions), and of that only what
 * changed: the API ends the user's sessions on any role, unit or partner it is sent.
 */
export function changedFields(values: User, { previousData }: { previousData?: User } = {}) {
  const next: Partial<User> = {
    displayName: values.displayName,
    role: values.role,
    orgUnitId: values.orgUnitId,
    active: values.active,
    // Only PARTNER users act for a partner organisation.
    partnerId: values.role === 'PARTNER' ? (values.partnerId ?? null) : null,
  };
  return Object.fromEntries(
    Object.entries(next).filter(([key, value]) => (previousData?.[key as keyof User] ?? null) !== value),
  );
}

function Actions() {
  return (
    <TopToolbar>
      <ResetPasswordButton />
      <ListButton />
    </TopToolbar>
  );
}

/** Admin: name, role, unit, and active (deactivating ends the user's sessions). */
export function UserEdit() {
  return (
    <Edit transform={changedFields} mutationMode="pessimistic" actions={<Actions />} redirect="list">
      <SimpleForm toolbar={<SaveOnlyToolbar />}>
        <Labeled>
          <TextField source="username" />
        </Labeled>
        <TextInput source="displayName" validate={required()} fullWidth />
        <SelectInput source="role" choices={roleChoices} validate={required()} />
        <UnitInput />
        <PartnerInput />
        <BooleanInput source="active" />
      </SimpleForm>
    </Edit>
  );
}
