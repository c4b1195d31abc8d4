import { useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import type { GuanaiDataProvider } from '../providers/dataProvider.ts';
import { problemKey, type Problem } from '../providers/http.ts';

/** A failure notification in the user's language, naming the API's reason when it has one. */
export function useNotifyProblem() {
  const notify = useNotify();
  const translate = useTranslate();
  return (error: unknown) => {
    const problem = (error as { body?: Problem })?.body;
    const key = problemKey(problem);
    const known = key ? translate(`guanai.problems.${key}`, { _: '' }) : '';
    const fields = problem?.errors?.map((e) => `${e.field}: ${e.reason}`).join('; ');
    const reason = [known, fields || (known ? '' : (error as Error)?.message)].filter(Boolean).join(' — ');
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
