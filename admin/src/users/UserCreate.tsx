import { useState } from 'react';
import {
  Create,
  PasswordInput,
  SelectInput,
  SimpleForm,
  TextInput,
  required,
  useNotify,
  useRedirect,
} from 'react-admin';
import { useNotifyProblem } from '../tasks/useTaskActions.ts';
import { PartnerInput } from './PartnerInput.tsx';
import { newUserRoleChoices, strongPassword, type User } from './roles.ts';
import { TemporaryPasswordDialog } from './TemporaryPasswordDialog.tsx';
import { UnitInput } from './UnitInput.tsx';

/** Leaves the password out when none was typed, so the API issues a one-time one; a partner only for PARTNER users. */
function transform({
  username,
  displayName,
  role,
  orgUnitId,
  partnerId,
  password,
}: Record<string, string | undefined>) {
  return {
    username,
    displayName,
    role,
    orgUnitId,
    ...(role === 'PARTNER' && partnerId ? { partnerId } : {}),
    ...(password ? { password } : {}),
  };
}

/** Admin: a new account; without a password the API answers a temporary one, shown here once. */
export function UserCreate() {
  const notify = useNotify();
  const redirect = useRedirect();
  const notifyProblem = useNotifyProblem();
  const [created, setCreated] = useState<User | null>(null);
  return (
    <>
      <Create
        transform={transform}
        mutationOptions={{
          onSuccess: (user: User) => {
            notify('ra.notification.created', { type: 'success', messageArgs: { smart_count: 1 } });
            if (user.temporaryPassword) setCreated(user);
            else redirect('list', 'users');
          },
          onError: notifyProblem,
        }}
      >
        <SimpleForm>
          <TextInput source="username" validate={required()} autoComplete="off" />
          <TextInput source="displayName" validate={required()} fullWidth />
          <SelectInput source="role" choices={newUserRoleChoices} validate={required()} />
          <UnitInput />
          <PartnerInput />
          <PasswordInput
            source="password"
            validate={strongPassword}
            helperText="guanai.users.passwordHelp"
            autoComplete="new-password"
          />
        </SimpleForm>
      </Create>
      <TemporaryPasswordDialog
        password={created?.temporaryPassword ?? null}
        name={created?.displayName ?? ''}
        onClose={() => {
          setCreated(null);
          redirect('list', 'users');
        }}
      />
    </>
  );
}
