import type { TDuplicate, TOrgUnit } from '@guanai/api/types';
import { Alert } from '@mui/material';
import { useRef, useState } from 'react';
import {
  AutocompleteInput,
  CheckboxGroupInput,
  DateInput,
  RadioButtonGroupInput,
  ReferenceInput,
  SelectInput,
  TextInput,
  required,
  useDataProvider,
  useGetIdentity,
  useTranslate,
  type Validator,
} from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import { unitText } from '../orgUnits/types.ts';
import type { GuanaiDataProvider } from '../providers/dataProvider.ts';
import { useCan } from '../providers/useCan.ts';
import { hukouChoices, idTypeChoices, isResidentId, relationChoices, sexChoices, tagChoices } from './choices.ts';
import { DuplicateWarning } from './DuplicateWarning.tsx';

/** A resident identity number must carry a valid GB 11643 check digit; other documents are left to the API. */
const validIdNumber: Validator = (value: unknown, values: { idType?: string }) =>
  typeof value === 'string' &&
  value.trim() &&
  (values.idType ?? 'RESIDENT_ID') === 'RESIDENT_ID' &&
  !isResidentId(value)
    ? 'guanai.people.idNumberInvalid'
    : undefined;

/** What POST /api/people/duplicates reads. */
type DuplicateCheck = Parameters<GuanaiDataProvider['checkDuplicates']>[0];

/** The fields typed in so far (the form's strings; the empty ones left out). */
const filled = (values: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(values).filter(([, v]) => typeof v === 'string' && v.trim() !== ''),
  ) as Partial<DuplicateCheck>;

/**
 * Warns while typing: when name, number, phone or address lose focus, asks the API which records
 * this person may duplicate (the save is checked again, and refused or confirmed, by the API).
 */
function useEarlyDuplicates() {
  const dataProvider = useDataProvider<GuanaiDataProvider>();
  const can = useCan();
  const { getValues } = useFormContext();
  const [duplicates, setDuplicates] = useState<TDuplicate[]>([]);
  const last = useRef('');
  const check = async () => {
    if (!can('POST /api/people/duplicates')) return;
    const { name, idType, idNumber, phone, address, communityId } = getValues();
    const body = filled({ name, idNumber, phone, address, communityId, ...(idNumber ? { idType } : {}) });
    const key = JSON.stringify(body);
    if (!body.name || key === last.current) return;
    last.current = key;
    // A warning only: a failed check (a half-typed phone the API refuses, say) says nothing.
    const found = await dataProvider.checkDuplicates({ ...body, name: body.name }).then(
      ({ data }) => data,
      () => [],
    );
    if (last.current === key) setDuplicates(found);
  };
  return { duplicates, check };
}

/** The community a person lives in: a station worker's own when left empty, so optional for them. */
function CommunityInput() {
  const { data: identity } = useGetIdentity();
  const atCommunity = identity?.orgUnitLevel === 'COMMUNITY';
  return (
    <ReferenceInput
      source="communityId"
      reference="org-units"
      filter={{ level: 'COMMUNITY' }}
      sort={{ field: 'code', order: 'ASC' }}
    >
      <AutocompleteInput
        optionText={(u: TOrgUnit) => unitText(u)}
        validate={atCommunity ? undefined : required()}
        helperText={atCommunity ? 'guanai.people.communityOptional' : false}
        fullWidth
      />
    </ReferenceInput>
  );
}

/**
 * The registry's fields of a person, for registering (`create`) and correcting (`edit`); `case`: registering them
 * with the case a station opens, at the station's own community (so no community to pick: the API takes none).
 */
export function PersonInputs({ mode }: { mode: 'create' | 'edit' | 'case' }) {
  const translate = useTranslate();
  const { duplicates, check } = useEarlyDuplicates();
  const householdId = useWatch({ name: 'householdId' }) as string | undefined;
  const early = mode === 'edit' ? undefined : check;
  return (
    <>
      {mode === 'create' && householdId && (
        <Alert severity="info" sx={{ mb: 2, width: '100%', boxSizing: 'border-box' }}>
          {translate('guanai.people.joinHousehold')}
        </Alert>
      )}
      <TextInput source="name" validate={required()} onBlur={early} fullWidth />
      <SelectInput source="idType" choices={idTypeChoices} emptyText="—" />
      <TextInput
        source="idNumber"
        validate={validIdNumber}
        onBlur={early}
        fullWidth
        parse={(v: string) => v.toUpperCase()}
        helperText={mode === 'edit' ? 'guanai.people.idNumberKeep' : undefined}
      />
      <RadioButtonGroupInput source="sex" choices={sexChoices} />
      <DateInput source="birthDate" />
      <TextInput source="phone" type="tel" onBlur={early} fullWidth />
      <TextInput source="address" onBlur={early} fullWidth />
      <RadioButtonGroupInput source="hukou" choices={hukouChoices} validate={required()} />
      {mode === 'create' && <CommunityInput />}
      <SelectInput source="relation" choices={relationChoices} emptyText="—" />
      <CheckboxGroupInput source="tags" choices={tagChoices} />
      {duplicates.length > 0 && <DuplicateWarning problem={{ kind: 'early', duplicates }} />}
    </>
  );
}
