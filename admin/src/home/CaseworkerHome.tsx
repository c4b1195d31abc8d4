import type { TCaseworkerHome } from '@guanai/api/types';
import { useQueryClient } from '@tanstack/react-query';
import { useNotify, useTranslate } from 'react-admin';
import { api, ok, write } from '../providers/api.ts';
import { FigureCard, FigureGrid, Section } from './FigureCard.tsx';

const time = (iso: string) =>
  new Date(iso).toLocaleString('zh-CN', {
    timeZone: 'Asia/Shanghai', // Beijing time, wherever the browser is
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });

/** 社工: my tasks due today, overdue and of emergency cases, my unit's unclaimed queue, and what changed. */
export function CaseworkerHome({ home }: { home: TCaseworkerHome }) {
  const translate = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  // Opening the changed cases is looking at them: the list keeps the old "since" (in its link), the next
  // home page counts from now.
  const markSeen = () => {
    ok(api.home.seen.$post({ json: {} }, write()))
      .then(() => queryClient.invalidateQueries({ queryKey: ['home'] }))
      .catch(() => notify('guanai.home.failed', { type: 'error' }));
  };
  return (
    <>
      <Section title={translate('guanai.home.caseworker.mine')}>
        <FigureGrid>
          <FigureCard label={translate('guanai.home.caseworker.dueToday')} figure={home.dueToday} tone="warning" />
          <FigureCard label={translate('guanai.home.caseworker.overdue')} figure={home.overdue} tone="error" />
          <FigureCard label={translate('guanai.home.caseworker.emergency')} figure={home.emergency} tone="error" />
        </FigureGrid>
      </Section>
      <Section title={translate('guanai.home.caseworker.unit')}>
        <FigureGrid>
          <FigureCard label={translate('guanai.home.caseworker.unclaimed')} figure={home.unclaimed} />
          <FigureCard
            label={translate('guanai.home.caseworker.changed')}
            figure={home.changed}
            hint={translate('guanai.home.caseworker.since', { time: time(home.changed.since) })}
            onOpen={markSeen}
          />
        </FigureGrid>
      </Section>
    </>
  );
}
