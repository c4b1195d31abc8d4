import type { TFormDefinition } from '@guanai/api/types';
import { FORM_KINDS, FORM_STATUSES } from '@guanai/workflows/forms';
import { Chip, Stack, useMediaQuery, type Theme } from '@mui/material';
import {
  CreateButton,
  Datagrid,
  DateField,
  FunctionField,
  List,
  SelectInput,
  SimpleList,
  TextField,
  TopToolbar,
  useTranslate,
} from 'react-admin';

export const kindChoices = FORM_KINDS.map((id) => ({ id, name: `guanai.formDefs.kinds.${id}` }));
const statusChoices = FORM_STATUSES.map((id) => ({ id, name: `guanai.formDefs.statuses.${id}` }));

export function FormStatusChips({ form }: { form: TFormDefinition }) {
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      <Chip
        size="small"
        color={form.status === 'DRAFT' ? 'warning' : form.status === 'PUBLISHED' ? 'info' : 'default'}
        variant={form.status === 'RETIRED' ? 'outlined' : 'filled'}
        label={translate(`guanai.formDefs.statuses.${form.status}`)}
      />
      {form.current && <Chip size="small" color="success" label={translate('guanai.formDefs.current')} />}
    </Stack>
  );
}

/** A draft opens in the editor; a published or retired version opens read-only (with its preview). */
const rowClick = (_id: unknown, _resource: unknown, record: unknown) =>
  (record as TFormDefinition).status === 'DRAFT' ? 'edit' : 'show';

function FormListView() {
  const translate = useTranslate();
  const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const kind = (f: TFormDefinition) => translate(`guanai.formDefs.kinds.${f.kind}`);
  const scope = (f: TFormDefinition) => f.districtName ?? translate('guanai.formDefs.city');
  const version = (f: TFormDefinition) => translate('guanai.formDefs.version', { version: f.version });
  return phone ? (
    <SimpleList<TFormDefinition>
      primaryText={(f) => `${kind(f)} · ${scope(f)}`}
      secondaryText={version}
      tertiaryText={(f) => <FormStatusChips form={f} />}
      rowClick={rowClick}
    />
  ) : (
    <Datagrid bulkActionButtons={false} rowClick={rowClick}>
      <FunctionField<TFormDefinition> source="kind" render={kind} />
      <FunctionField<TFormDefinition> source="districtName" sortable={false} render={scope} />
      <FunctionField<TFormDefinition> source="version" render={version} />
      <FunctionField<TFormDefinition> source="status" render={(f) => <FormStatusChips form={f} />} />
      <DateField source="publishedAt" showTime emptyText="—" sortable={false} />
      <TextField source="publishedByName" emptyText="—" sortable={false} />
    </Datagrid>
  );
}

const filters = [
  <SelectInput key="k" source="kind" choices={kindChoices} alwaysOn />,
  <SelectInput key="s" source="status" choices={statusChoices} alwaysOn />,
];

/** 表单定义: every version of each form, city-wide and per district; admins start drafts from here. */
export function FormDefinitionList() {
  return (
    <List
      title="guanai.formDefs.menu"
      sort={{ field: 'kind', order: 'ASC' }}
      filters={filters}
      exporter={false}
      perPage={50}
      actions={
        <TopToolbar>
          <CreateButton label="guanai.formDefs.newDraft" />
        </TopToolbar>
      }
    >
      <FormListView />
    </List>
  );
}
