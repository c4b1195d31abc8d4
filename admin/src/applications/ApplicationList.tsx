import { useMediaQuery, type Theme } from '@mui/material';
import {
  Datagrid,
  DateField,
  FunctionField,
  List,
  SelectInput,
  SimpleList,
  TextField,
  useTranslate,
} from 'react-admin';
import { ApplicationStatusChip } from './StatusChip.tsx';
import { statusChoices, type ApplicationRecord } from './types.ts';

const time = (iso: string) =>
  new Date(iso).toLocaleString('zh-CN', {
    timeZone: 'Asia/Shanghai', // Beijing time, wherever the browser is
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });

const filters = [
  <SelectInput key="status" source="status" choices={statusChoices} alwaysOn emptyText="ra.action.clear_input_value" />,
];

/**
 * 网上申请: the applications of my community (a station) or of the communities below me, those to verify first and
 * the oldest of them on top — the order a station works through its queue.
 */
export function ApplicationList() {
  const isSmall = useMediaQuery((theme: Theme) => theme.breakpoints.down('md'));
  const translate = useTranslate();
  const applicant = (a: ApplicationRecord) => translate(`guanai.applications.applicants.${a.applicant}`);
  return (
    <List
      filters={filters}
      filterDefaultValues={{ status: 'SUBMITTED' }}
      sort={{ field: 'submittedAt', order: 'ASC' }}
      exporter={false}
      empty={false}
    >
      {isSmall ? (
        <SimpleList<ApplicationRecord>
          primaryText={(a) => `${a.name} · ${a.phone}`}
          secondaryText={(a) => `${time(a.submittedAt)} · ${a.community.name} · ${applicant(a)}`}
          tertiaryText={(a) => <ApplicationStatusChip status={a.status} />}
          linkType="show"
        />
      ) : (
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <DateField source="submittedAt" showTime />
          <TextField source="name" sortable={false} />
          <TextField source="phone" sortable={false} />
          <TextField source="community.name" label="resources.applications.fields.community" sortable={false} />
          <FunctionField source="applicant" sortable={false} render={applicant} />
          <FunctionField
            source="status"
            sortable={false}
            render={(a: ApplicationRecord) => <ApplicationStatusChip status={a.status} />}
          />
          <TextField source="reference" />
        </Datagrid>
      )}
    </List>
  );
}
