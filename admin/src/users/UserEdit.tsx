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
import { PartnerInput } from './PartnerInput.tsx';
import { ResetPasswordButton } from './ResetPasswordButton.tsx';
import { roleChoices, type User } from './roles.ts';
import { UnitInput } from './UnitInput.tsx';
import { HandoverSaveToolbar, UserHandover } from './UserHandover.tsx';
import { UserNotifyButton } from '../notify/index.tsx';

/**
 * Only what an admin may change (never the username, hashes or sessions), and of that only what
 * changed: the API ends the user's sessions on any role, unit or partner it is sent.
 */
export function changedFields(
  values: User & { handoverTo?: string | null },
  { previousData }: { previousData?: User } = {},
) {
  const next: Partial<User> = {
    displayName: values.displayName,
    role: values.role,
    orgUnitId: values.orgUnitId,
    active: values.active,
    // Only PARTNER users act for a partner organisation.
    partnerId: values.role === 'PARTNER' ? (values.partnerId ?? null) : null,
  };
  const changed = Object.fromEntries(
    Object.entries(next).filter(([key, value]) => (previousData?.[key as keyof User] ?? null) !== value),
  );
  // Issue 15: who takes the claimed tasks of a user deactivated or moved (the API refuses it otherwise).
  const leaves = changed.active === false || changed.orgUnitId !== undefined;
  return leaves && values.handoverTo ? { ...changed, handoverTo: values.handoverTo } : changed;
}

function Actions() {
  return (
    <TopToolbar>
      <ResetPasswordButton />
      <UserNotifyButton />
      <ListButton />
    </TopToolbar>
  );
}

/** Admin: name, role, unit, and active (deactivating ends the user's sessions). */
export function UserEdit() {
  return (
    <Edit transform={changedFields} mutationMode="pessimistic" actions={<Actions />} redirect="list">
      <SimpleForm toolbar={<HandoverSaveToolbar />}>
        <Labeled>
          <TextField source="username" />
        </Labeled>
        <TextInput source="displayName" validate={required()} fullWidth />
        <SelectInput source="role" choices={roleChoices} validate={required()} />
        <UnitInput />
        <PartnerInput />
        <BooleanInput source="active" />
        <UserHandover />
      </SimpleForm>
    </Edit>
  );
}
