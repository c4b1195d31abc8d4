import { BREACH_EFFECTS, CALENDAR_DAY_KINDS, DURATION_UNITS } from '@guanai/workflows/vocabulary';
import RuleIcon from '@mui/icons-material/Rule';
import EventIcon from '@mui/icons-material/Event';
import {
  Create,
  Datagrid,
  DateInput,
  DeleteButton,
  Edit,
  FunctionField,
  List,
  NumberField,
  NumberInput,
  SelectInput,
  SimpleForm,
  TextField,
  TextInput,
  required,
  useTranslate,
} from 'react-admin';

const units = DURATION_UNITS.map((id) => ({ id, name: `guanai.sla.units.${id}` }));
const effects = BREACH_EFFECTS.map((id) => ({ id, name: `guanai.sla.effects.${id}` }));
const dayKinds = CALENDAR_DAY_KINDS.map((id) => ({ id, name: `guanai.sla.dayKinds.${id}` }));

function PolicyList() {
  const translate = useTranslate();
  return (
    <List title="guanai.sla.policies" pagination={false} exporter={false} actions={false}>
      <Datagrid rowClick="edit" bulkActionButtons={false}>
        <FunctionField
          source="taskKind"
          label="resources.tasks.fields.kind"
          render={(r: { taskKind: string }) => translate(`guanai.kinds.${r.taskKind}`, { _: r.taskKind })}
        />
        <NumberField source="normal" label="guanai.sla.normal" />
        <NumberField source="emergency" label="guanai.sla.emergency" />
        <FunctionField
          source="unit"
          label="guanai.sla.unitLabel"
          render={(r: { unit: string }) => translate(`guanai.sla.units.${r.unit}`)}
        />
        <NumberField source="warnAt" label="guanai.sla.warnAt" />
        <FunctionField
          source="onBreach"
          label="guanai.sla.onBreach"
          render={(r: { onBreach: string }) => translate(`guanai.sla.effects.${r.onBreach}`)}
        />
      </Datagrid>
    </List>
  );
}

/** Admin: one task kind's SLA (new cases take it; running cases keep theirs). */
function PolicyEdit() {
  return (
    <Edit mutationMode="pessimistic" title="guanai.sla.policies">
      <SimpleForm>
        <TextField source="taskKind" />
        <NumberInput source="normal" label="guanai.sla.normal" validate={required()} min={0} />
        <NumberInput source="emergency" label="guanai.sla.emergency" validate={required()} min={0} />
        <SelectInput source="unit" label="guanai.sla.unitLabel" choices={units} validate={required()} />
        <NumberInput
          source="warnAt"
          label="guanai.sla.warnAt"
          validate={required()}
          min={0.05}
          max={0.95}
          step={0.05}
        />
        <SelectInput source="onBreach" label="guanai.sla.onBreach" choices={effects} validate={required()} />
      </SimpleForm>
    </Edit>
  );
}

function CalendarList() {
  const translate = useTranslate();
  return (
    <List title="guanai.sla.calendar" perPage={100} exporter={false} sort={{ field: 'date', order: 'ASC' }}>
      <Datagrid bulkActionButtons={false}>
        <TextField source="date" label="guanai.sla.date" />
        <FunctionField
          source="kind"
          label="guanai.sla.dayKind"
          render={(r: { kind: string }) => translate(`guanai.sla.dayKinds.${r.kind}`)}
        />
        <TextField source="name" label="guanai.sla.dayName" />
        <DeleteButton mutationMode="pessimistic" />
      </Datagrid>
    </List>
  );
}

function CalendarCreate() {
  return (
    <Create title="guanai.sla.calendar" redirect="list">
      <SimpleForm>
        <DateInput source="date" label="guanai.sla.date" validate={required()} />
        <SelectInput source="kind" label="guanai.sla.dayKind" choices={dayKinds} validate={required()} />
        <TextInput source="name" label="guanai.sla.dayName" validate={required()} />
      </SimpleForm>
    </Create>
  );
}

export const slaPolicies = {
  list: PolicyList,
  edit: PolicyEdit,
  icon: RuleIcon,
  options: { label: 'guanai.sla.policies' },
};
export const calendar = {
  list: CalendarList,
  create: CalendarCreate,
  icon: EventIcon,
  options: { label: 'guanai.sla.calendar' },
};
