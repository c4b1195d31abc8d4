import EditNoteIcon from '@mui/icons-material/EditNote';
import { Alert, Button, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { useCan } from '../providers/useCan.ts';
import { useHours } from './api.ts';
import { CorrectionDialog } from './CorrectionDialog.tsx';
import { durationText, type HoursEntry } from './types.ts';

/**
 * 服务时长台账 on a volunteer's profile: every entry as the API's ledger holds it (services from check-outs, corrections
 * with their reasons), its total, and — for those who may correct — 更正 on each row and for the total.
 */
export function HoursLedger({ volunteerId }: { volunteerId: string }) {
  const translate = useTranslate();
  const can = useCan();
  const queryClient = useQueryClient();
  const hours = useHours(volunteerId);
  const [correcting, setCorrecting] = useState<{ entry: HoursEntry | null } | null>(null);
  const mayCorrect = can('POST /api/volunteers/:id/hours/corrections');
  if (hours.isError) return <Alert severity="error">{translate('guanai.volunteers.loadFailed')}</Alert>;
  const data = hours.data;
  return (
    <Stack spacing={1}>
      <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        {/* On a phone the heading takes its own line, the total and 更正 the next. */}
        <Typography variant="subtitle1" sx={{ flex: { xs: '1 0 100%', sm: 1 } }}>
          {translate('guanai.volunteers.hours')}
        </Typography>
        {data && (
          <Typography sx={{ fontWeight: 600 }} data-testid="ledger-total">
            {translate('guanai.volunteers.total')}：
            {translate('guanai.volunteers.hoursUnit', { hours: data.totalHours })}
          </Typography>
        )}
        {mayCorrect && data && (
          <Button size="small" startIcon={<EditNoteIcon />} onClick={() => setCorrecting({ entry: null })}>
            {translate('guanai.volunteers.correct')}
          </Button>
        )}
      </Stack>
      {data && data.entries.length === 0 ? (
        <Typography color="text.secondary">{translate('guanai.volunteers.noHours')}</Typography>
      ) : (
        data && (
          <Table size="small" aria-label={translate('guanai.volunteers.hours')}>
            <TableHead>
              <TableRow>
                <TableCell>{translate('guanai.volunteers.serviceDate')}</TableCell>
                <TableCell>{translate('guanai.volunteers.kind')}</TableCell>
                <TableCell align="right">{translate('guanai.volunteers.minutes')}</TableCell>
                <TableCell>{translate('guanai.volunteers.reason')}</TableCell>
                {mayCorrect && <TableCell />}
              </TableRow>
            </TableHead>
            <TableBody>
              {data.entries.map((entry) => (
                <TableRow key={entry.id} data-testid="ledger-row">
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{entry.serviceDate}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    {translate(`guanai.volunteers.hoursKinds.${entry.kind}`)}
                  </TableCell>
                  <TableCell
                    align="right"
                    sx={{ whiteSpace: 'nowrap', color: entry.minutes < 0 ? 'error.main' : undefined }}
                  >
                    {durationText(entry.minutes, translate)}
                  </TableCell>
                  <TableCell>{entry.reason ?? ''}</TableCell>
                  {mayCorrect && (
                    <TableCell align="right">
                      {entry.kind === 'SERVICE' && (
                        <Button size="small" onClick={() => setCorrecting({ entry })}>
                          {translate('guanai.volunteers.correct')}
                        </Button>
                      )}
                    </TableCell>
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )
      )}
      {correcting && data && (
        <CorrectionDialog
          volunteerId={volunteerId}
          totalMinutes={data.totalMinutes}
          entry={correcting.entry}
          onClose={() => setCorrecting(null)}
          onSaved={() => {
            setCorrecting(null);
            void queryClient.invalidateQueries({ queryKey: ['volunteers', 'hours', volunteerId] });
          }}
        />
      )}
    </Stack>
  );
}
