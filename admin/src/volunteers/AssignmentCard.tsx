import HomeIcon from '@mui/icons-material/Home';
import LoginIcon from '@mui/icons-material/Login';
import LogoutIcon from '@mui/icons-material/Logout';
import PlaceIcon from '@mui/icons-material/Place';
import { Alert, Box, Button, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { HttpError, useNotify, useTranslate } from 'react-admin';
import { idempotencyKey } from '../providers/api.ts';
import { beijingTime } from '../print/labels.ts';
import { useNotifyProblem } from '../tasks/useTaskActions.ts';
import { volunteerApi } from './api.ts';
import { DutyTimer } from './DutyTimer.tsx';
import { durationText, type Assignment } from './types.ts';

/** A press not yet answered: when it happened and its key, both sent again unchanged on a retry. */
interface Pending {
  action: 'in' | 'out';
  at: string;
  key: string;
}

/**
 * One assignment on the volunteer's phone: what to do, where and for whom (the person's name masked), and one big
 * button — 签到, then the running clock and 签退. The moment of the press is what is sent (`at`): when the phone has no
 * signal the press is kept, and the next tap sends the same time with the same Idempotency-Key, so a retried check-out
 * writes one ledger entry with the minutes the volunteer actually served.
 */
export function AssignmentCard({
  assignment,
  onDutyHere,
  onDutyElsewhere,
  onChanged,
}: {
  assignment: Assignment;
  /** The check-in time when this assignment's duty is open. */
  onDutyHere: string | null;
  /** Another assignment's duty is open (one at a time). */
  onDutyElsewhere: boolean;
  onChanged: () => void;
}) {
  const translate = useTranslate();
  const notify = useNotify();
  const notifyProblem = useNotifyProblem();
  const [pending, setPending] = useState<Pending | null>(null);
  const [offline, setOffline] = useState(false);
  const [busy, setBusy] = useState(false);
  const open = assignment.status === 'ASSIGNED';

  const press = async (action: 'in' | 'out') => {
    const attempt =
      pending?.action === action ? pending : { action, at: new Date().toISOString(), key: idempotencyKey() };
    setPending(attempt);
    setBusy(true);
    try {
      if (action === 'in') {
        await volunteerApi.checkIn(assignment.id, attempt.at, attempt.key);
        notify('guanai.volunteers.checkedIn', { type: 'success' });
      } else {
        const answer = await volunteerApi.checkOut(assignment.id, attempt.at, attempt.key);
        // The minutes the API counted (the closed attendance's), else as the phone counts them.
        const closed = answer?.attendance?.find((a) => a.checkedOutAt && typeof a.minutes === 'number');
        const minutes =
          closed?.minutes ??
          Math.floor((new Date(attempt.at).getTime() - new Date(onDutyHere ?? attempt.at).getTime()) / 60_000);
        notify('guanai.volunteers.checkedOut', {
          type: 'success',
          messageArgs: { duration: durationText(minutes, translate) },
        });
      }
      setPending(null);
      setOffline(false);
      onChanged();
    } catch (error) {
      // No answer at all (fetch's TypeError): keep the press for the next tap. An answer that refuses: say why.
      if (error instanceof HttpError) {
        setPending(null);
        setOffline(false);
        notifyProblem(error);
        onChanged();
      } else setOffline(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      variant="outlined"
      data-testid="assignment-card"
      sx={{ borderWidth: onDutyHere ? 2 : 1, borderColor: onDutyHere ? 'success.main' : undefined }}
    >
      <CardContent sx={{ pb: '16px !important' }}>
        <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
          <Chip
            size="small"
            color={assignment.kind === 'VISIT' ? 'primary' : 'secondary'}
            label={translate(`guanai.volunteers.kinds.${assignment.kind}`)}
          />
          <Typography sx={{ fontWeight: 600 }}>{assignment.scheduledOn}</Typography>
          {onDutyHere ? (
            <Chip size="small" color="success" label={translate('guanai.volunteers.onDuty')} />
          ) : (
            !open && (
              <Chip
                size="small"
                variant="outlined"
                label={translate(`guanai.volunteers.assignmentStatuses.${assignment.status}`)}
              />
            )
          )}
        </Stack>
        <Typography variant="h6" component="h2" sx={{ fontSize: 20 }}>
          {translate('guanai.volunteers.person')}：{assignment.case.person}
        </Typography>
        {assignment.case.community && (
          <Box sx={{ display: 'flex', gap: 0.5, alignItems: 'flex-start', mt: 0.5 }}>
            <PlaceIcon fontSize="small" color="action" sx={{ mt: '2px' }} />
            <Typography>{assignment.case.community}</Typography>
          </Box>
        )}
        {assignment.case.address && (
          <Box sx={{ display: 'flex', gap: 0.5, alignItems: 'flex-start', mt: 0.5 }}>
            <HomeIcon fontSize="small" color="action" sx={{ mt: '2px' }} />
            <Typography sx={{ wordBreak: 'break-all' }}>{assignment.case.address}</Typography>
          </Box>
        )}
        {assignment.note && (
          <Typography color="text.secondary" sx={{ mt: 1, whiteSpace: 'pre-wrap' }}>
            {assignment.note}
          </Typography>
        )}
        {open && (
          <Box sx={{ mt: 2 }}>
            {onDutyHere && (
              <>
                <DutyTimer since={onDutyHere} />
                <Typography variant="body2" color="text.secondary" sx={{ textAlign: 'center', mb: 1.5 }}>
                  {translate('guanai.volunteers.since', { time: beijingTime(onDutyHere).slice(11) })}
                </Typography>
              </>
            )}
            {offline && pending && (
              <Alert severity="warning" sx={{ mb: 1.5 }} role="status">
                {translate('guanai.volunteers.offline', { time: beijingTime(pending.at).slice(11) })}
              </Alert>
            )}
            {onDutyElsewhere && !onDutyHere && (
              <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
                {translate('guanai.volunteers.otherOnDuty')}
              </Typography>
            )}
            {onDutyHere ? (
              <Button
                fullWidth
                variant="contained"
                color="error"
                size="large"
                startIcon={<LogoutIcon />}
                disabled={busy}
                onClick={() => void press('out')}
                data-testid="check-out"
                sx={{ py: 2, fontSize: 22 }}
              >
                {translate('guanai.volunteers.checkOut')}
              </Button>
            ) : (
              <Button
                fullWidth
                variant="contained"
                color="success"
                size="large"
                startIcon={<LoginIcon />}
                disabled={busy || onDutyElsewhere}
                onClick={() => void press('in')}
                data-testid="check-in"
                sx={{ py: 2, fontSize: 22 }}
              >
                {translate('guanai.volunteers.checkIn')}
              </Button>
            )}
          </Box>
        )}
      </CardContent>
    </Card>
  );
}
