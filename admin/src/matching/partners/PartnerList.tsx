import type { TPartner } from '@guanai/api/types';
import { useMediaQuery, type Theme } from '@mui/material';
import {
  BooleanField,
  CreateButton,
  Datagrid,
  FunctionField,
  List,
  SimpleList,
  TextField,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import { useCan } from '../../providers/useCan.ts';

function Actions() {
  const can = useCan();
  return <TopToolbar>{can('POST /api/partners') && <CreateButton />}</TopToolbar>;
}

/** 合作机构: the organisations that provide resources (admins keep the list; their users act for them). */
export function PartnerList() {
  const isSmall = useMediaQuery((theme: Theme) => theme.breakpoints.down('md'));
  const translate = useTranslate();
  const can = useCan();
  const rowClick = can('PUT /api/partners/:id') ? 'edit' : false;
  const kind = (p: TPartner) => translate(`guanai.matching.partnerKinds.${p.kind}`, { _: p.kind });
  return (
    <List
      actions={<Actions />}
      sort={{ field: 'name', order: 'ASC' }}
      exporter={false}
      empty={false}
      perPage={100}
      pagination={false}
    >
      {isSmall ? (
        <SimpleList<TPartner>
          primaryText={(p) => `${p.name} · ${kind(p)}`}
          secondaryText={(p) => [p.contact, p.phone, p.creditCode].filter(Boolean).join(' · ')}
          linkType={rowClick}
          rowSx={(p) => (p.active ? {} : { opacity: 0.6 })}
        />
      ) : (
        <Datagrid rowClick={rowClick} bulkActionButtons={false} rowSx={(p) => (p.active ? {} : { opacity: 0.6 })}>
          <TextField source="name" sortable={false} />
          <FunctionField<TPartner> source="kind" sortable={false} render={kind} />
          <TextField source="creditCode" sortable={false} emptyText="—" />
          <TextField source="contact" sortable={false} emptyText="—" />
          <TextField source="phone" sortable={false} emptyText="—" />
          <BooleanField source="active" sortable={false} />
        </Datagrid>
      )}
    </List>
  );
}
