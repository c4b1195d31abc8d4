import { useMediaQuery, type Theme } from '@mui/material';
import {
  CreateButton,
  FilterButton,
  Datagrid,
  DateField,
  FunctionField,
  List,
  SearchInput,
  SelectInput,
  SimpleList,
  TextField,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import { useCan } from '../providers/useCan.ts';
import { VolunteerStatusChip } from './StatusChip.tsx';
import { teamNameOf, VOLUNTEER_STATUSES, type Volunteer } from './types.ts';
import { useIsTeamPartner, useTeams } from './useTeams.ts';

const statusChoices = VOLUNTEER_STATUSES.map((id) => ({ id, name: `guanai.volunteers.statuses.${id}` }));

function Actions() {
  const can = useCan();
  const team = useIsTeamPartner();
  return (
    <TopToolbar>
      <FilterButton />
      {can('POST /api/volunteers') && team !== false && <CreateButton label="guanai.volunteers.register" />}
    </TopToolbar>
  );
}

/**
 * 志愿者: the volunteers a user sees (a center's, serving communities of its subtree; a team's own), by status, team
 * and name; the phone masked. Those awaiting approval are found with the status filter.
 */
export function VolunteerList() {
  const translate = useTranslate();
  const isSmall = useMediaQuery((theme: Theme) => theme.breakpoints.down('md'));
  const { teams } = useTeams();
  const communities = (v: Volunteer) => (v.communities ?? []).map((c) => c.name).join('、');
  const team = (v: Volunteer) => teamNameOf(v) ?? translate('guanai.volunteers.noTeam');
  const filters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput
      key="status"
      source="status"
      choices={statusChoices}
      alwaysOn
      emptyText="ra.action.clear_input_value"
    />,
    <SelectInput key="teamId" source="teamId" choices={teams} optionText="name" translateChoice={false} />,
  ];
  return (
    <List filters={filters} sort={{ field: 'createdAt', order: 'DESC' }} exporter={false} actions={<Actions />}>
      {isSmall ? (
        <SimpleList<Volunteer>
          primaryText={(v) => `${v.name} · ${v.phone}`}
          secondaryText={(v) => `${team(v)} · ${communities(v)}`}
          tertiaryText={(v) => <VolunteerStatusChip status={v.status} />}
          linkType="show"
        />
      ) : (
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <TextField source="name" />
          <TextField source="phone" sortable={false} />
          <FunctionField source="team" sortable={false} render={team} />
          <FunctionField source="communities" sortable={false} render={communities} />
          <FunctionField<Volunteer> source="skills" sortable={false} render={(v) => v.skills.join('、')} />
          <FunctionField<Volunteer>
            source="status"
            sortable={false}
            render={(v) => <VolunteerStatusChip status={v.status} />}
          />
          <DateField source="createdAt" options={{ timeZone: 'Asia/Shanghai' }} />
        </Datagrid>
      )}
    </List>
  );
}
