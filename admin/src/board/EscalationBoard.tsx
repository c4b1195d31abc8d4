import { Card, CardContent, Stack, Typography } from '@mui/material';
import { List, Title, useTranslate } from 'react-admin';
import { TaskGrid } from '../tasks/TaskList.tsx';

function BoardList({ filter, storeKey }: { filter: Record<string, unknown>; storeKey: string }) {
  return (
    <List
      resource="tasks"
      filter={filter}
      sort={{ field: 'dueAt', order: 'ASC' }}
      disableSyncWithLocation
      storeKey={storeKey}
      actions={false}
      exporter={false}
      title=" "
      perPage={10}
      empty={false}
    >
      <TaskGrid />
    </List>
  );
}

/** For supervisors: escalations waiting for their center, and overdue work of their unit and below. */
export function EscalationBoard() {
  const translate = useTranslate();
  return (
    <Stack spacing={2} sx={{ mt: 1 }}>
      <Title title={translate('guanai.board.title')} />
      <Card>
        <CardContent>
          <Typography variant="h6">{translate('guanai.board.incoming')}</Typography>
          <BoardList filter={{ scope: 'unit', status: 'OPEN', kind: 'ACCEPT_ESCALATION' }} storeKey="board.incoming" />
        </CardContent>
      </Card>
      <Card>
        <CardContent>
          <Typography variant="h6">{translate('guanai.board.overdue')}</Typography>
          <BoardList filter={{ scope: 'unit', status: 'OPEN', overdue: true }} storeKey="board.overdue" />
        </CardContent>
      </Card>
    </Stack>
  );
}
