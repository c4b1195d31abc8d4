import type { TEligibilityStandard, TOrgUnit } from '@guanai/api/types';
import { GOV_SCHEMES } from '@guanai/workflows/vocabulary';
import { Alert, Chip, Stack, useMediaQuery, type Theme } from '@mui/material';
import {
  AutocompleteInput,
  BooleanInput,
  Create,
  Datagrid,
  DateInput,
  DeleteButton,
  Edit,
  FunctionField,
  List,
  NumberInput,
  ReferenceInput,
  SelectInput,
  SimpleForm,
  SimpleList,
  TextField,
  TextInput,
  required,
  useRecordContext,
  useTranslate,
} from 'react-admin';

const schemeChoices = GOV_SCHEMES.map((id) => ({ id, name: `guanai.schemes.${id}` }));

const yuan = (value: number | null) =>
  value === null ? '—' : `¥${value.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** Where a standard stands: sample data, in force today, not yet, or superseded by a later one. */
function StandardChips({ standard }: { standard: TEligibilityStandard }) {
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {standard.current ? (
        <Chip size="small" color="success" label={translate('guanai.eligibility.current')} />
      ) : standard.inForce ? (
        <Chip size="small" label={translate('guanai.eligibility.superseded')} />
      ) : (
        <Chip size="small" color="info" variant="outlined" label={translate('guanai.eligibility.future')} />
      )}
      {standard.sample && (
        <Chip size="small" color="warning" variant="outlined" label={translate('guanai.eligibility.sample')} />
      )}
    </Stack>
  );
}

function StandardListView() {
  const translate = useTranslate();
  const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const scheme = (s: TEligibilityStandard) => translate(`guanai.schemes.${s.scheme}`, { _: s.scheme });
  const area = (s: TEligibilityStandard) => s.districtName ?? translate('guanai.eligibility.city');
  // Only a standard not yet in force opens for correction; one in force is read-only (superseded by a new row).
  const rowClick = (_id: unknown, _resource: unknown, record: unknown) =>
    (record as TEligibilityStandard).inForce ? false : 'edit';
  return phone ? (
    <SimpleList<TEligibilityStandard>
      primaryText={(s) => `${scheme(s)} · ${area(s)} · ${yuan(s.incomePerPerson)}`}
      secondaryText={(s) => `${s.effectiveFrom} · ${s.sourceDocument}`}
      tertiaryText={(s) => <StandardChips standard={s} />}
      rowClick={rowClick}
    />
  ) : (
    <Datagrid bulkActionButtons={false} rowClick={rowClick}>
      <FunctionField<TEligibilityStandard> source="scheme" render={scheme} />
      <FunctionField<TEligibilityStandard> source="districtName" sortable={false} render={area} />
      <TextField source="effectiveFrom" />
      <FunctionField<TEligibilityStandard>
        source="incomePerPerson"
        sortable={false}
        render={(s) => yuan(s.incomePerPerson)}
      />
      <FunctionField<TEligibilityStandard>
        source="assetsPerPerson"
        sortable={false}
        render={(s) => yuan(s.assetsPerPerson)}
      />
      <FunctionField<TEligibilityStandard>
        label="guanai.eligibility.criteria"
        render={(s) =>
          [
            s.requireNoAbleWorker && translate('resources.eligibility/standards.fields.requireNoAbleWorker'),
            s.requireNoSupporter && translate('resources.eligibility/standards.fields.requireNoSupporter'),
          ]
            .filter(Boolean)
            .join('；') || '—'
        }
      />
      <TextField source="sourceDocument" sortable={false} />
      <FunctionField<TEligibilityStandard> label="" render={(s) => <StandardChips standard={s} />} />
    </Datagrid>
  );
}

const listFilters = [
  <SelectInput key="s" source="scheme" choices={schemeChoices} alwaysOn />,
  <BooleanInput key="c" source="current" label="guanai.eligibility.current" alwaysOn />,
];

/** 救助标准: every standard, latest first; anyone signed in reads them, admins add them. */
export function StandardList() {
  return (
    <List
      title="guanai.eligibility.menu"
      sort={{ field: 'effectiveFrom', order: 'DESC' }}
      filters={listFilters}
      exporter={false}
      perPage={50}
    >
      <StandardListView />
    </List>
  );
}

/** The fields of a standard; the district picker offers districts only (empty: city-wide). */
function StandardFields() {
  return (
    <>
      <SelectInput source="scheme" choices={schemeChoices} validate={required()} />
      <ReferenceInput
        source="districtId"
        reference="org-units"
        filter={{ level: 'DISTRICT' }}
        sort={{ field: 'code', order: 'ASC' }}
      >
        <AutocompleteInput
          optionText={(u: TOrgUnit) => u.name}
          helperText="guanai.eligibility.districtHelp"
          parse={(value: string | null) => value || null}
          fullWidth
        />
      </ReferenceInput>
      <DateInput source="effectiveFrom" validate={required()} />
      <NumberInput source="incomePerPerson" min={0} step={0.01} validate={required()} />
      <NumberInput source="assetsPerPerson" min={0} step={0.01} />
      <BooleanInput source="requireNoAbleWorker" />
      <BooleanInput source="requireNoSupporter" />
      <TextInput source="sourceDocument" validate={required()} fullWidth />
      <TextInput source="note" multiline fullWidth />
    </>
  );
}

/** Admin: a new standard, with its 文号 and effective date; a later one supersedes the earlier on its date. */
export function StandardCreate() {
  return (
    <Create title="guanai.eligibility.menu" redirect="list">
      <SimpleForm defaultValues={{ requireNoAbleWorker: false, requireNoSupporter: false }}>
        <StandardFields />
      </SimpleForm>
    </Create>
  );
}

function LockedNotice() {
  const record = useRecordContext<TEligibilityStandard>();
  const translate = useTranslate();
  return record?.inForce ? <Alert severity="warning">{translate('guanai.eligibility.inForceLocked')}</Alert> : null;
}

function EditToolbarDelete() {
  const record = useRecordContext<TEligibilityStandard>();
  return record && !record.inForce ? <DeleteButton mutationMode="pessimistic" /> : null;
}

/** Admin: corrects a standard before it is in force (the API refuses one in force with a 409). */
export function StandardEdit() {
  return (
    <Edit title="guanai.eligibility.menu" mutationMode="pessimistic" redirect="list">
      <SimpleForm>
        <LockedNotice />
        <StandardFields />
        <EditToolbarDelete />
      </SimpleForm>
    </Edit>
  );
}
