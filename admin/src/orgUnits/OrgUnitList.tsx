import type { TOrgUnit } from '@guanai/api/types';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { useMediaQuery, type Theme } from '@mui/material';
import {
  Button,
  CreateButton,
  Datagrid,
  FunctionField,
  List,
  NumberField,
  SearchInput,
  SelectInput,
  SimpleList,
  TextField,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import { Link } from 'react-router-dom';
import { useCan } from '../providers/useCan.ts';
import { levelChoices } from './types.ts';

function Actions() {
  const can = useCan();
  return (
    <TopToolbar>
      {can('POST /api/org-units') && <CreateButton />}
      {can('POST /api/org-units/import') && (
        <Button component={Link} to="/org-units/import" label="guanai.orgUnits.import">
          <UploadFileIcon />
        </Button>
      )}
    </TopToolbar>
  );
}

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="level" source="level" choices={levelChoices} alwaysOn />,
];

/** 组织架构: the units of the network, for admins to maintain (everyone may read them). */
export function OrgUnitList() {
  const isSmall = useMediaQuery((theme: Theme) => theme.breakpoints.down('md'));
  const translate = useTranslate();
  const can = useCan();
  const rowClick = can('PUT /api/org-units/:id') ? 'edit' : false;
  const level = (u: TOrgUnit) => translate(`guanai.orgLevels.${u.level}`, { _: u.level });
  return (
    <List
      filters={filters}
      actions={<Actions />}
      sort={{ field: 'code', order: 'ASC' }}
      exporter={false}
      empty={false}
      perPage={25}
    >
      {isSmall ? (
        <SimpleList<TOrgUnit>
          primaryText={(u) => `${u.name} · ${level(u)}`}
          secondaryText={(u) => `${u.code}${u.parentName ? ` · ${u.parentName}` : ''}`}
          linkType={rowClick}
        />
      ) : (
        <Datagrid rowClick={rowClick} bulkActionButtons={false}>
          <TextField source="code" />
          <TextField source="name" />
          <FunctionField<TOrgUnit> source="level" render={level} />
          <TextField source="parentName" sortable={false} emptyText="—" />
          <NumberField source="children" sortable={false} />
          <NumberField source="users" sortable={false} />
        </Datagrid>
      )}
    </List>
  );
}
