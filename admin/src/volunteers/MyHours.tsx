import { Alert, Box, Card, CardContent, List, ListItem, ListItemText, Typography } from '@mui/material';
import { Loading, Title, useTranslate } from 'react-admin';
import { useHours, useVolunteerMe } from './api.ts';
import { CertificateButton } from './CertificateButton.tsx';
import { durationText } from './types.ts';

/**
 * 我的时长: the volunteer's total and every entry of their ledger — each service with its date and minutes, each
 * correction with its reason — the newest first, as the API's ledger has them.
 */
export function MyHours() {
  const translate = useTranslate();
  const me = useVolunteerMe();
  const hours = useHours(me.data?.id);
  const entries = [...(hours.data?.entries ?? [])].reverse();
  return (
    <Box sx={{ mt: 1, mb: 4, maxWidth: 640 }}>
      <Title title={translate('guanai.volunteers.myHours')} />
      {me.isError || hours.isError ? (
        <Alert severity="error">{translate('guanai.volunteers.loadFailed')}</Alert>
      ) : !hours.data ? (
        <Loading loadingPrimary="guanai.home.loading" loadingSecondary="" />
      ) : (
        <>
          <Card variant="outlined" sx={{ mb: 2 }}>
            <CardContent>
              <Typography color="text.secondary">{translate('guanai.volunteers.totalCard')}</Typography>
              <Typography sx={{ fontSize: 34, fontWeight: 600 }} data-testid="hours-total">
                {translate('guanai.volunteers.hoursUnit', { hours: hours.data.totalHours })}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                {durationText(hours.data.totalMinutes, translate)}
              </Typography>
            </CardContent>
          </Card>
          <Box sx={{ display: 'flex', alignItems: 'center' }}>
            <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, flex: 1 }}>
              {translate('guanai.volunteers.entries')}
            </Typography>
            {me.data && <CertificateButton volunteerId={me.data.id} />}
          </Box>
          {entries.length === 0 ? (
            <Typography color="text.secondary">{translate('guanai.volunteers.noHours')}</Typography>
          ) : (
            <List disablePadding aria-label={translate('guanai.volunteers.entries')}>
              {entries.map((entry) => (
                <ListItem key={entry.id} divider disableGutters data-testid="hours-entry">
                  <ListItemText
                    primary={`${entry.serviceDate} · ${translate(`guanai.volunteers.hoursKinds.${entry.kind}`)}`}
                    secondary={entry.reason ?? undefined}
                  />
                  <Typography
                    sx={{ fontWeight: 600, whiteSpace: 'nowrap', ml: 1 }}
                    color={entry.minutes < 0 ? 'error' : undefined}
                  >
                    {durationText(entry.minutes, translate)}
                  </Typography>
                </ListItem>
              ))}
            </List>
          )}
        </>
      )}
    </Box>
  );
}
