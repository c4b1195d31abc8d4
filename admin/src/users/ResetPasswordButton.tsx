import LockResetIcon from '@mui/icons-material/LockReset';
import { useState } from 'react';
import { Button, Confirm, useDataProvider, useRecordContext } from 'react-admin';
import type { GuanaiDataProvider } from '../providers/dataProvider.ts';
import { useCan } from '../providers/useCan.ts';
import { useNotifyProblem } from '../tasks/useTaskActions.ts';
import type { User } from './roles.ts';
import { TemporaryPasswordDialog } from './TemporaryPasswordDialog.tsx';

/** 重置密码: the API revokes the user's sessions and answers a temporary password, shown once. */
export function ResetPasswordButton() {
  const user = useRecordContext<User>();
  const can = useCan();
  const dataProvider = useDataProvider<GuanaiDataProvider>();
  const notifyProblem = useNotifyProblem();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [password, setPassword] = useState<string | null>(null);
  if (!user || !can('POST /api/users/:id/reset-password')) return null;
  const reset = async () => {
    setBusy(true);
    try {
      const { data } = await dataProvider.resetPassword(user.id);
      setConfirming(false);
      setPassword(data.temporaryPassword);
    } catch (error) {
      notifyProblem(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button label="guanai.users.resetPassword" onClick={() => setConfirming(true)}>
        <LockResetIcon />
      </Button>
      <Confirm
        isOpen={confirming}
        loading={busy}
        title="guanai.users.resetPassword"
        content="guanai.users.resetConfirm"
        translateOptions={{ name: user.displayName }}
        onConfirm={reset}
        onClose={() => setConfirming(false)}
      />
      <TemporaryPasswordDialog password={password} name={user.displayName} onClose={() => setPassword(null)} />
    </>
  );
}
