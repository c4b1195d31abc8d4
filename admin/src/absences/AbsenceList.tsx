import { Chip, Tab, Tabs, useMediaQuery, type Theme } from '@mui/material';
import {
  CreateButton,
  Datagrid,
  DateField,
  FunctionField,
  List,
  SimpleList,
  TextField,
  TopToolbar,
  useListContext,
  useTranslate,
} from 'react-admin';
import { useRole } from '../providers/useCan.ts';
import { EndAbsenceButton } from './EndAbsenceButton.tsx';
import { absenceState, type Absence } from './types.ts';

const when = (iso: string) =>
  new Date(iso).toLocaleString('zh-CN', {
    timeZone: 'Asia/Shanghai',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });

function ScopeTabs() {
  const translate = useTranslate();
  const role = useRole();
  const { filterValues, setFilters } = useListContext();
  const scopes = role === 'SUPERVISOR' ? ['mine', 'team', 'covering'] : ['mine', 'covering'];
  const scope = (filterValues.scope as string | undefined) ?? 'mine';
  return (
    <Tabs value={scope} onChange={(_e, value: string) => setFilters({ scope: value }, [])} variant="scrollable">
      {scopes.map((s) => (
        <Tab key={s} value={s} label={translate(`guanai.absences.${s}`)} />
      ))}
    </Tabs>
  );
}

/** The state column (`source` and `label` are read by the Datagrid for its header). */
function StateChip(_props: { source: string; label: string }) {
  const translate = useTranslate();
  return (
    <FunctionField<Absence>
      source="active"
      render={(a) => {
        const state = absenceState(a);
        return (
          <Chip
            size="small"
            color={state === 'active' ? 'primary' : 'default'}
            label={translate(`guanai.absences.states.${state}`)}
          />
        );
      }}
    />
  );
}

function Rows() {
  const isSmall = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const translate = useTranslate();
  if (isSmall)
    return (
      <SimpleList<Absence>
        primaryText={(a) => `${a.userName} → ${a.delegateName}`}
        secondaryText={(a) => `${when(a.startsAt)} – ${when(a.endsAt)}`}
        tertiaryText={(a) => translate(`guanai.absences.states.${absenceState(a)}`)}
        linkType={false}
      />
    );
  return (
    <Datagrid bulkActionButtons={false} rowClick={false}>
      <TextField source="userName" />
      <TextField source="unitName" />
      <TextField source="delegateName" />
      <DateField source="startsAt" showTime />
      <DateField source="endsAt" showTime />
      <StateChip source="active" label="resources.absences.fields.active" />
      <TextField source="note" emptyText="—" />
      <EndAbsenceButton />
    </Datagrid>
  );
}

/** 休假代理: my absences, those I cover, and (supervisors) my team's; set one, end one early. */
export function AbsenceList() {
  return (
    <List
      filterDefaultValues={{ scope: 'mine' }}
      sort={{ field: 'startsAt', order: 'DESC' }}
      actions={
        <TopToolbar>
          <CreateButton label="guanai.absences.create" />
        </TopToolbar>
      }
      title="guanai.absences.menu"
    >
      <ScopeTabs />
      <Rows />
    </List>
  );
}
