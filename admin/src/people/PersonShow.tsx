import AddIcon from '@mui/icons-material/PersonAdd';
import CreateNewFolderIcon from '@mui/icons-material/CreateNewFolder';
import { Alert, Divider, List, ListItemButton, ListItemText, Stack, Typography } from '@mui/material';
import {
  Button,
  DateField,
  EditButton,
  FunctionField,
  Labeled,
  NumberField,
  Show,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Link } from 'react-router-dom';
import { useCan } from '../providers/useCan.ts';
import { HouseholdIncome } from './HouseholdIncome.tsx';
import { MergeButton } from './MergeButton.tsx';
import { RevealIdButton } from './RevealIdButton.tsx';
import { TagChips } from './TagChips.tsx';
import type { PersonRecord } from './types.ts';

/** A create form prefilled through react-admin's `source` query parameter. */
export const createLink = (resource: string, values: Record<string, unknown>) => ({
  pathname: `/${resource}/create`,
  search: `?source=${encodeURIComponent(JSON.stringify(values))}`,
});

/** 立案: a case for this registered person (the case form then asks only for the situation). */
function OpenCaseButton() {
  const person = useRecordContext<PersonRecord>();
  const can = useCan();
  if (!person || person.mergedIntoId || !can('POST /api/cases')) return null;
  return (
    <Button component={Link} to={createLink('cases', { personId: person.id })} label="guanai.people.openCase">
      <CreateNewFolderIcon />
    </Button>
  );
}

/** 添加家庭成员: a new person joining this household, at its address and community. */
function AddMemberButton() {
  const person = useRecordContext<PersonRecord>();
  const can = useCan();
  if (!person?.householdId || person.mergedIntoId || !can('POST /api/people')) return null;
  const values = {
    householdId: person.householdId,
    address: person.household?.address ?? person.address ?? undefined,
    communityId: person.communityId,
    hukou: person.hukou,
  };
  return (
    <Button component={Link} to={createLink('people', values)} label="guanai.people.addMember">
      <AddIcon />
    </Button>
  );
}

function PersonActions() {
  const person = useRecordContext<PersonRecord>();
  const can = useCan();
  if (!person || person.mergedIntoId) return <TopToolbar />;
  return (
    <TopToolbar sx={{ flexWrap: 'wrap' }}>
      <OpenCaseButton />
      {can('PUT /api/people/:id') && <EditButton />}
      <MergeButton />
    </TopToolbar>
  );
}

function Household() {
  const person = useRecordContext<PersonRecord>();
  const translate = useTranslate();
  if (!person) return null;
  const others = person.household?.members.filter((m) => m.id !== person.id) ?? [];
  return (
    <Stack spacing={1}>
      <Stack
        direction="row"
        spacing={1}
        sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap' }}
      >
        <Typography variant="subtitle1">{translate('guanai.people.household')}</Typography>
        <AddMemberButton />
      </Stack>
      {person.household?.address && (
        <Typography variant="body2" color="text.secondary">
          {person.household.address}
        </Typography>
      )}
      <HouseholdIncome />
      {others.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('guanai.people.noMembers')}
        </Typography>
      ) : (
        <List dense disablePadding>
          {others.map((m) => (
            <ListItemButton key={m.id} component={Link} to={`/people/${m.id}/show`} divider>
              <ListItemText
                primary={`${m.name} · ${m.relation ? translate(`guanai.relations.${m.relation}`, { _: m.relation }) : '—'}`}
                secondary={
                  <>
                    {[m.sex ? translate(`guanai.sex.${m.sex}`) : null, m.birthDate, m.idNumberMasked]
                      .filter(Boolean)
                      .join(' · ')}
                    <TagChips tags={m.tags} />
                  </>
                }
                slotProps={{ secondary: { component: 'div' } }}
              />
            </ListItemButton>
          ))}
        </List>
      )}
    </Stack>
  );
}

function PersonCases() {
  const person = useRecordContext<PersonRecord>();
  const translate = useTranslate();
  if (!person) return null;
  return (
    <Stack spacing={1}>
      <Typography variant="subtitle1">{translate('guanai.people.cases')}</Typography>
      {!person.cases?.length ? (
        <Typography variant="body2" color="text.secondary">
          {translate('guanai.people.noCases')}
        </Typography>
      ) : (
        <List dense disablePadding>
          {person.cases.map((c) => (
            <ListItemButton key={c.id} component={Link} to={`/cases/${c.id}/show`} divider>
              <ListItemText
                primary={`${c.caseNo} · ${translate(`guanai.states.${c.state}`, { _: c.state })}`}
                secondary={`${translate(`guanai.status.${c.status}`, { _: c.status })} · ${new Date(c.createdAt).toLocaleDateString()}`}
              />
            </ListItemButton>
          ))}
        </List>
      )}
    </Stack>
  );
}

function PersonDetail() {
  const person = useRecordContext<PersonRecord>();
  const translate = useTranslate();
  if (!person) return null;
  const label = (prefix: string, value: string | null) => (value ? translate(`${prefix}.${value}`, { _: value }) : '—');
  return (
    <Stack spacing={2} sx={{ p: 2 }}>
      {person.mergedIntoId && (
        <Alert
          severity="warning"
          action={<Button component={Link} to={`/people/${person.mergedIntoId}/show`} label="guanai.people.openKept" />}
        >
          {translate('guanai.people.mergedInto')}
        </Alert>
      )}
      <Typography variant="h6">{person.name}</Typography>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={3} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Labeled label="resources.people.fields.sex">
          <FunctionField<PersonRecord> source="sex" render={(p) => label('guanai.sex', p.sex)} />
        </Labeled>
        <Labeled label="resources.people.fields.birthDate">
          <DateField source="birthDate" emptyText="—" />
        </Labeled>
        <Labeled label="resources.people.fields.idType">
          <FunctionField<PersonRecord> source="idType" render={(p) => label('guanai.idTypes', p.idType)} />
        </Labeled>
        <Labeled label="resources.people.fields.idNumberMasked">
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <TextField source="idNumberMasked" emptyText="—" />
            <RevealIdButton />
          </Stack>
        </Labeled>
        <Labeled label="resources.people.fields.phone">
          <TextField source="phone" emptyText="—" />
        </Labeled>
        <Labeled label="resources.people.fields.hukou">
          <FunctionField<PersonRecord> source="hukou" render={(p) => label('guanai.hukou', p.hukou)} />
        </Labeled>
        <Labeled label="resources.people.fields.communityName">
          <TextField source="communityName" />
        </Labeled>
        <Labeled label="resources.people.fields.relation">
          <FunctionField<PersonRecord> source="relation" render={(p) => label('guanai.relations', p.relation)} />
        </Labeled>
        <Labeled label="resources.people.fields.openCases">
          <NumberField source="openCases" />
        </Labeled>
      </Stack>
      <Labeled label="resources.people.fields.address">
        <TextField source="address" emptyText="—" />
      </Labeled>
      <Labeled label="resources.people.fields.tags">
        <FunctionField<PersonRecord>
          source="tags"
          render={(p) => (p.tags?.length ? <TagChips tags={p.tags} /> : '—')}
        />
      </Labeled>
      <Divider />
      <Household />
      <Divider />
      <PersonCases />
    </Stack>
  );
}

function PersonTitle() {
  const person = useRecordContext<PersonRecord>();
  return <span>{person ? person.name : ''}</span>;
}

export function PersonShow() {
  return (
    <Show title={<PersonTitle />} actions={<PersonActions />}>
      <PersonDetail />
    </Show>
  );
}
