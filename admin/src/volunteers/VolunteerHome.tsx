import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import { Alert, Box, Button, Card, CardActionArea, CardContent, Stack, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { Loading, Title, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { useMyAssignments, useVolunteerMe } from './api.ts';
import { AssignmentCard } from './AssignmentCard.tsx';

/** 我的累计服务时长, a tap away from the entries (我的时长). */
export function TotalCard({ totalHours }: { totalHours: string }) {
  const translate = useTranslate();
  return (
    <Card variant="outlined">
      <CardActionArea component={Link} to="/my-hours">
        <CardContent sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
          <Box sx={{ flex: 1 }}>
            <Typography color="text.secondary">{translate('guanai.volunteers.totalCard')}</Typography>
            <Typography sx={{ fontSize: 30, fontWeight: 600 }} data-testid="my-total-hours">
              {translate('guanai.volunteers.hoursUnit', { hours: totalHours })}
            </Typography>
          </Box>
          <ChevronRightIcon color="action" />
        </CardContent>
      </CardActionArea>
    </Card>
  );
}

/**
 * 首页 of a VOLUNTEER = 我的任务: the assignments to do, the one on duty first with its running clock and 签退; then
 * my total hours, and the last few done. Made for a phone held in one hand.
 */
export function VolunteerHome() {
  const translate = useTranslate();
  const queryClient = useQueryClient();
  const me = useVolunteerMe();
  const assignments = useMyAssignments();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['volunteers'] });
  const open = me.data?.openAttendance ?? null;
  const all = assignments.data ?? [];
  // The duty I am on comes first, then the rest by day.
  const todo = all
    .filter((a) => a.status === 'ASSIGNED')
    .sort((a, b) => Number(b.id === open?.assignmentId) - Number(a.id === open?.assignmentId));
  const done = all
    .filter((a) => a.status === 'DONE')
    .slice(-5)
    .reverse();
  return (
    <Box sx={{ mt: 1, mb: 4, maxWidth: 640 }} data-home="volunteer">
      <Title title={translate('guanai.volunteers.myTasks')} />
      {me.data && (
        <Typography variant="h6" component="h1" sx={{ mb: 1.5 }}>
          {translate('guanai.volunteers.hello', { name: me.data.name })}
        </Typography>
      )}
      {me.isError || assignments.isError ? (
        <Alert
          severity="error"
          action={
            <Button color="inherit" onClick={refresh}>
              {translate('guanai.volunteers.retry')}
            </Button>
          }
        >
          {translate('guanai.volunteers.loadFailed')}
        </Alert>
      ) : !me.data || !assignments.data ? (
        <Loading loadingPrimary="guanai.home.loading" loadingSecondary="" />
      ) : (
        <Stack spacing={2}>
          <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
            {translate('guanai.volunteers.todo')}
          </Typography>
          {todo.length === 0 && <Alert severity="info">{translate('guanai.volunteers.noTasks')}</Alert>}
          {todo.map((a) => (
            <AssignmentCard
              key={a.id}
              assignment={a}
              onDutyHere={open?.assignmentId === a.id ? open.checkedInAt : null}
              onDutyElsewhere={!!open && open.assignmentId !== a.id}
              onChanged={refresh}
            />
          ))}
          <TotalCard totalHours={me.data.totalHours} />
          {done.length > 0 && (
            <>
              <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
                {translate('guanai.volunteers.done')}
              </Typography>
              {done.map((a) => (
                <AssignmentCard
                  key={a.id}
                  assignment={a}
                  onDutyHere={null}
                  onDutyElsewhere={false}
                  onChanged={refresh}
                />
              ))}
            </>
          )}
        </Stack>
      )}
    </Box>
  );
}
