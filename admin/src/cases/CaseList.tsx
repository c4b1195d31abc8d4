import { useMediaQuery, type Theme } from '@mui/material';
import {
  CreateButton,
  Datagrid,
  DateField,
  FunctionField,
  List,
  SearchInput,
  SimpleList,
  TextField,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import { ExportCasesButton } from './ExportCasesButton.tsx';
import { StateChip } from './StateChip.tsx';
import { doorTitle, useCaseDoor } from './useCaseDoor.ts';
import type { TCase } from '@guanai/api/types';

/** 立案登记, 上报发现 or 转介立案: whichever door the user's role opens cases by (none for the others); the export menu. */
function Actions() {
  const door = useCaseDoor();
  return (
    <TopToolbar>
      {door && <CreateButton label={doorTitle(door)} />}
      <ExportCasesButton />
    </TopToolbar>
  );
}

export function CaseList() {
  const isSmall = useMediaQuery((theme: Theme) => theme.breakpoints.down('md'));
  const translate = useTranslate();
  return (
    // empty={false}: react-admin's empty page offers its own create button to every role.
    <List
      filters={[<SearchInput key="q" source="q" alwaysOn />]}
      actions={<Actions />}
      sort={{ field: 'createdAt', order: 'DESC' }}
      exporter={false}
      empty={false}
    >
      {isSmall ? (
        <SimpleList<TCase>
          primaryText={(c) => `${c.personName} · ${translate(`guanai.states.${c.state}`, { _: c.state })}`}
          secondaryText={(c) => `${c.caseNo} · ${c.owningUnitName}`}
          linkType="show"
        />
      ) : (
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <TextField source="caseNo" />
          <TextField source="personName" sortable={false} />
          <FunctionField source="state" render={() => <StateChip />} />
          <FunctionField
            source="origin"
            sortable={false}
            render={(c: TCase) => translate(`guanai.origins.${c.origin}`, { _: c.origin })}
          />
          <TextField source="owningUnitName" sortable={false} />
          <TextField source="originUnitName" sortable={false} />
          <DateField source="createdAt" showTime />
        </Datagrid>
      )}
    </List>
  );
}
