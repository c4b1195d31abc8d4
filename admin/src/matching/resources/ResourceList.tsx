import type { TResource } from '@guanai/api/types';
import { useMediaQuery, type Theme } from '@mui/material';
import {
  CreateButton,
  Datagrid,
  FunctionField,
  List,
  SearchInput,
  SelectInput,
  SimpleList,
  TextField,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import { useCan } from '../../providers/useCan.ts';
import { CategoryChips, ResourceStatusChip } from '../chips.tsx';
import { categoryChoices, kindChoices, resourceStatusChoices } from '../choices.ts';
import { remainingText } from './remaining.ts';

function Actions() {
  const can = useCan();
  return <TopToolbar>{can('POST /api/resources') && <CreateButton />}</TopToolbar>;
}

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={kindChoices} alwaysOn />,
  <SelectInput key="category" source="category" choices={categoryChoices} alwaysOn />,
  <SelectInput key="status" source="status" choices={resourceStatusChoices} />,
];

/** 援助项目库: the catalogue of resources (partners see the published ones and their own). */
export function ResourceList() {
  const isSmall = useMediaQuery((theme: Theme) => theme.breakpoints.down('md'));
  const translate = useTranslate();
  const kind = (r: TResource) => translate(`guanai.matching.kinds.${r.kind}`, { _: r.kind });
  return (
    <List
      filters={filters}
      actions={<Actions />}
      sort={{ field: 'createdAt', order: 'DESC' }}
      exporter={false}
      empty={false}
      perPage={25}
    >
      {isSmall ? (
        <SimpleList<TResource>
          primaryText={(r) => `${r.name} · ${kind(r)}`}
          secondaryText={(r) => `${r.providerName} · ${r.coverageUnitName} · ${remainingText(r, translate)}`}
          tertiaryText={(r) => translate(`guanai.matching.resourceStatus.${r.status}`, { _: r.status })}
          linkType="show"
          rowSx={(r) => (r.status === 'CLOSED' ? { opacity: 0.6 } : {})}
        />
      ) : (
        <Datagrid
          rowClick="show"
          bulkActionButtons={false}
          rowSx={(r) => (r.status === 'CLOSED' ? { opacity: 0.6 } : {})}
        >
          <TextField source="name" />
          <FunctionField<TResource> source="kind" render={kind} />
          <TextField source="providerName" sortable={false} />
          <TextField source="coverageUnitName" sortable={false} />
          <FunctionField<TResource>
            source="categories"
            sortable={false}
            render={(r) => <CategoryChips categories={r.categories} />}
          />
          <FunctionField<TResource> source="remaining" sortable={false} render={(r) => remainingText(r, translate)} />
          <FunctionField<TResource> source="status" render={(r) => <ResourceStatusChip status={r.status} />} />
        </Datagrid>
      )}
    </List>
  );
}
