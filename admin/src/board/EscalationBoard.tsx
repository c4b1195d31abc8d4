import { Card, CardContent, Stack, Typography } from '@mui/material';
import { Datagrid, FunctionField, List, TextField, Title, useTranslate } from 'react-admin';
import { DueChip } from '../tasks/DueChip.tsx';
import { TaskButtons } from '../tasks/TaskButtons.tsx';
import { KindField } from '../tasks/TaskList.tsx';

function BoardList({ filter, storeKey }: { filter: Record<string, unknown>; storeKey: string }) {
  return (
    <List resource="tasks" filter={filter} sort={{ field: 'dueAt', order: 'ASC' }} disableSyncWithLocation storeKey={storeKey} actions={false} exporter={false} title=" " perPage={10} empty={false}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <KindField source="kind" />
        <TextField source="personName" sortable={false} />
        <TextField source="caseNo" sortable={false} />
        <TextField source="unitName" sortable={false} />
        <TextField source="assigneeName" sortable={false} emptyText="—" />
        <FunctionField source="dueAt" render={() => <DueChip />} />
        <TaskButtons />
      </Datagrid>
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
