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

export function useTaskActions() {
  const dataProvider = useDataProvider<GuanaiDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const notifyProblem = useNotifyProblem();
  const run = (fn: () => Promise<unknown>, message: string) =>
    fn().then(
      () => {
        notify(message, { type: 'success' });
        refresh();
      },
      notifyProblem,
    );
  return {
    claim: (id: string) => run(() => dataProvider.claimTask(id), 'guanai.notifications.claimed'),
    release: (id: string) => run(() => dataProvider.releaseTask(id), 'guanai.notifications.released'),
  };
}
