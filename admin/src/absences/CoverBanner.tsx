import { Alert, Stack } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useLocaleState, useTranslate } from 'react-admin';
import type { GuanaiDataProvider } from '../providers/dataProvider.ts';

/** A moment as the reader sees it in Beijing: 12月3日 18:00. */
const until = (iso: string, locale: string) =>
  new Intl.DateTimeFormat(locale, {
    timeZone: 'Asia/Shanghai',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));

/**
 * Who covers whom now (issue 15), for the inbox: "您休假期间由 X 代理" for the absent user, "您正在代理 X"
 * for each absence the user covers. Nothing when neither.
 */
export function CoverBanner() {
  const translate = useTranslate();
  const dataProvider = useDataProvider<GuanaiDataProvider>();
  const [lang] = useLocaleState();
  const locale = lang === 'en' ? 'en' : 'zh-CN';
  const { data } = useQuery({
    queryKey: ['absences', 'current'],
    queryFn: async () => (await dataProvider.getCurrentCover()).data,
  });
  if (!data || (!data.mine && data.covering.length === 0)) return null;
  return (
    <Stack spacing={1} sx={{ my: 1 }}>
      {data.mine && (
        <Alert severity="info">
          {translate('guanai.handover.coveredBy', {
            name: data.mine.delegateName,
            until: until(data.mine.endsAt, locale),
          })}
        </Alert>
      )}
      {data.covering.map((absence) => (
        <Alert severity="info" key={absence.id}>
          {translate('guanai.handover.covering', { name: absence.userName, until: until(absence.endsAt, locale) })}
        </Alert>
      ))}
    </Stack>
  );
}
