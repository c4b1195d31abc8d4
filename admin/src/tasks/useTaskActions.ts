import { useState } from 'react';
import { useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import type { GuanaiDataProvider } from '../providers/dataProvider.ts';
import { problemMessage } from '../providers/http.ts';

/** A failure notification in the user's language, with the API's own reason (problemMessage). */
export function useNotifyProblem() {
  const notify = useNotify();
  const translate = useTranslate();
  return (error: unknown) => {
    const reason = problemMessage(error, translate);
    notify('guanai.notifications.error', { type: 'error', messageArgs: { reason } });
  };
}

/**
 * One API action from a button: `busy` while it runs; on success a notification and a refresh of
 * the page's records; on failure the API's reason. `run` answers whether it succeeded.
 */
export function useAction() {
  const notify = useNotify();
  const refresh = useRefresh();
  const notifyProblem = useNotifyProblem();
  const [busy, setBusy] = useState(false);
  const run = async (fn: () => Promise<unknown>, message: string): Promise<boolean> => {
    setBusy(true);
    try {
      await fn();
      notify(message, { type: 'success' });
      refresh();
      return true;
    } catch (error) {
      notifyProblem(error);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}

export function useTaskActions() {
  const dataProvider = useDataProvider<GuanaiDataProvider>();
  const { run } = useAction();
  return {
    claim: (id: string) => run(() => dataProvider.claimTask(id), 'guanai.notifications.claimed'),
    release: (id: string) => run(() => dataProvider.releaseTask(id), 'guanai.notifications.released'),
  };
}
