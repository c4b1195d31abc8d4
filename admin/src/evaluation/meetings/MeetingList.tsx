import type { TMeeting } from '@guanai/api/types';
import { MEETING_STATUSES } from '@guanai/workflows/vocabulary';
import { useMediaQuery, type Theme } from '@mui/material';
import {
  CreateButton,
  Datagrid,
  DateField,
  FunctionField,
  List,
  NumberField,
  SelectInput,
  SimpleList,
  TextField,
  TopToolbar,
  useGetIdentity,
  useTranslate,
} from 'react-admin';
import { useCan } from '../../providers/useCan.ts';

const statusChoices = MEETING_STATUSES.map((id) => ({ id, name: `guanai.evaluation.meetings.status.${id}` }));

/** Joint meetings sit at the city and the districts (§四(九)); a township supervisor reads, but does not schedule. */
export function useCanSchedule() {
  const can = useCan();
  const { identity } = useGetIdentity();
  return can('POST /api/meetings') && ['CITY', 'DISTRICT'].includes(identity?.orgUnitLevel as string);
}

function Actions() {
  return <TopToolbar>{useCanSchedule() && <CreateButton />}</TopToolbar>;
}

const filters = [<SelectInput key="status" source="status" choices={statusChoices} alwaysOn />];

export const when = (iso: string) => new Date(iso).toLocaleString('zh-CN', { dateStyle: 'medium', timeStyle: 'short' });

/** 联席会议: the meetings of the units in the user's jurisdiction, the latest first. */
export function MeetingList() {
  const isSmall = useMediaQuery((theme: Theme) => theme.breakpoints.down('md'));
  const translate = useTranslate();
  const status = (m: TMeeting) => translate(`guanai.evaluation.meetings.status.${m.status}`, { _: m.status });
  return (
    <List
      filters={filters}
      actions={<Actions />}
      sort={{ field: 'scheduledAt', order: 'DESC' }}
      exporter={false}
      empty={false}
      perPage={25}
    >
      {isSmall ? (
        <SimpleList<TMeeting>
          primaryText={(m) => m.title}
          secondaryText={(m) => [when(m.scheduledAt), m.unitName, m.location].filter(Boolean).join(' · ')}
          tertiaryText={status}
          linkType="show"
        />
      ) : (
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <TextField source="title" sortable={false} />
          <TextField source="unitName" sortable={false} />
          <DateField source="scheduledAt" showTime />
          <TextField source="location" sortable={false} emptyText="—" />
          <FunctionField<TMeeting> source="status" sortable={false} render={status} />
          <NumberField source="resolved" sortable={false} />
        </Datagrid>
      )}
    </List>
  );
}
