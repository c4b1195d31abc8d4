import { useMediaQuery, type Theme } from '@mui/material';
import {
  BooleanField,
  CreateButton,
  Datagrid,
  FunctionField,
  List,
  NullableBooleanInput,
  SearchInput,
  SelectInput,
  SimpleList,
  TextField,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import { useCan } from '../providers/useCan.ts';
import { roleChoices, type User } from './roles.ts';

function Actions() {
  const can = useCan();
  return <TopToolbar>{can('POST /api/users') && <CreateButton />}</TopToolbar>;
}

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="role" source="role" choices={roleChoices} alwaysOn />,
  <NullableBooleanInput key="active" source="active" alwaysOn />,
];

/** Admin: the staff accounts of the whole network. */
export function UserList() {
  const isSmall = useMediaQuery((theme: Theme) => theme.breakpoints.down('md'));
  const translate = useTranslate();
  const can = useCan();
  const rowClick = can('PUT /api/users/:id') ? 'edit' : false;
  const role = (u: User) => translate(`guanai.roles.${u.role}`, { _: u.role });
  return (
    <List
      filters={filters}
      actions={<Actions />}
      sort={{ field: 'username', order: 'ASC' }}
      exporter={false}
      empty={false}
      perPage={25}
    >
      {isSmall ? (
        <SimpleList<User>
          primaryText={(u) => `${u.displayName} · ${role(u)}`}
          secondaryText={(u) => `${u.username} · ${u.orgUnitName}`}
          linkType={rowClick}
          rowSx={(u) => (u.active ? {} : { opacity: 0.6 })}
        />
      ) : (
        <Datagrid rowClick={rowClick} bulkActionButtons={false} rowSx={(u) => (u.active ? {} : { opacity: 0.6 })}>
          <TextField source="username" />
          <TextField source="displayName" />
          <FunctionField<User> source="role" render={role} />
          <TextField source="orgUnitName" sortable={false} />
          <BooleanField source="active" sortable={false} />
        </Datagrid>
      )}
    </List>
  );
}
