import { Card, CardContent } from '@mui/material';
import {
  PasswordInput,
  SimpleForm,
  Title,
  required,
  useDataProvider,
  useNotify,
  useRedirect,
  useTranslate,
} from 'react-admin';
import { SaveOnlyToolbar } from '../layout/SaveOnlyToolbar.tsx';
import type { GuanaiDataProvider } from '../providers/dataProvider.ts';
import { useNotifyProblem } from '../tasks/useTaskActions.ts';
import { strongPassword } from './roles.ts';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const sameAsNew = (value: unknown, values: PasswordForm) =>
  value === values.newPassword ? undefined : 'guanai.password.mismatch';

/** 修改密码: every signed-in user changes their own password (the temporary one first of all). */
export function ChangePassword() {
  const translate = useTranslate();
  const dataProvider = useDataProvider<GuanaiDataProvider>();
  const notify = useNotify();
  const notifyProblem = useNotifyProblem();
  const redirect = useRedirect();
  const submit = async (values: Partial<PasswordForm>) => {
    try {
      await dataProvider.changePassword({
        currentPassword: values.currentPassword ?? '',
        newPassword: values.newPassword ?? '',
      });
      notify('guanai.password.changed', { type: 'success' });
      redirect('/');
    } catch (error) {
      notifyProblem(error);
    }
  };
  return (
    <Card sx={{ mt: 1, maxWidth: 480 }}>
      <Title title={translate('guanai.password.title')} />
      <CardContent>
        <SimpleForm toolbar={<SaveOnlyToolbar />} onSubmit={submit} record={{}} sx={{ p: 0 }}>
          <PasswordInput
            source="currentPassword"
            label="guanai.password.current"
            validate={required()}
            autoComplete="current-password"
            fullWidth
          />
          <PasswordInput
            source="newPassword"
            label="guanai.password.new"
            validate={[required(), strongPassword]}
            helperText="guanai.users.passwordRule"
            autoComplete="new-password"
            fullWidth
          />
          <PasswordInput
            source="confirmPassword"
            label="guanai.password.confirm"
            validate={[required(), sameAsNew]}
            autoComplete="new-password"
            fullWidth
          />
        </SimpleForm>
      </CardContent>
    </Card>
  );
}
