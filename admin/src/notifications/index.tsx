import NotificationsIcon from '@mui/icons-material/Notifications';
import {
  Button,
  Datagrid,
  DateField,
  FunctionField,
  List,
  TextField,
  useDataProvider,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import type { GuanaiDataProvider } from '../providers/dataProvider.ts';
import { DeliveriesButton } from '../notify/index.tsx';

interface Notification {
  id: string;
  kind: string;
  /** Null for the morning digest, which is of no one case. */
  caseId: string | null;
  caseNo: string | null;
  personName: string | null;
  digest: { day: string; overdue: number; awaitingApproval: number; escalations: number } | null;
  readAt: string | null;
}

function ReadButton() {
  const record = useRecordContext<Notification>();
  const dataProvider = useDataProvider<GuanaiDataProvider>();
  const refresh = useRefresh();
  if (!record || record.readAt) return null;
  return (
    <Button
      label="guanai.notificationsPage.read"
      onClick={async (event) => {
        event.stopPropagation();
        await dataProvider.markNotificationRead(record.id);
        refresh();
      }}
    />
  );
}

/** Where a notification leads: a partner's to its match list, the digest to the inbox, the rest to the case. */
function pageOf(record: Notification): string {
  if (record.kind === 'MATCH_PROPOSED' || record.kind === 'DELIVERY_DUE') return '/matches';
  return record.caseId ? `/cases/${record.caseId}/show` : '/tasks';
}

function NotificationList() {
  const translate = useTranslate();
  return (
    <List
      title="guanai.notificationsPage.title"
      exporter={false}
      actions={false}
      sort={{ field: 'createdAt', order: 'DESC' }}
    >
      <Datagrid
        bulkActionButtons={false}
        rowClick={(_id, _resource, record) => pageOf(record as Notification)}
        rowSx={(r) => (r.readAt ? {} : { fontWeight: 600 })}
      >
        <FunctionField<Notification>
          source="kind"
          label="guanai.notificationsPage.kind"
          sortable={false}
          render={(n) => translate(`guanai.notificationsPage.kinds.${n.kind}`, { _: n.kind })}
        />
        <TextField source="caseNo" label="resources.cases.fields.caseNo" sortable={false} />
        <TextField source="personName" label="resources.cases.fields.personName" sortable={false} />
        <FunctionField<Notification>
          label="guanai.notificationsPage.summary"
          render={(n) => (n.digest ? translate('guanai.notificationsPage.digest', n.digest) : '')}
        />
        <DateField source="createdAt" label="resources.cases.fields.createdAt" showTime />
        <ReadButton />
        <DeliveriesButton />
      </Datagrid>
    </List>
  );
}

export default {
  list: NotificationList,
  icon: NotificationsIcon,
  options: { label: 'guanai.notificationsPage.title' },
};
