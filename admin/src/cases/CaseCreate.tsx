import { Alert } from '@mui/material';
import { useState } from 'react';
import {
  BooleanInput,
  Create,
  DateInput,
  RadioButtonGroupInput,
  SimpleForm,
  TextInput,
  required,
  useGetOne,
  useNotify,
  useRedirect,
  useSaveContext,
  useTranslate,
} from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import { hukouChoices, sexChoices } from '../people/choices.ts';
import { DuplicateWarning, duplicateProblem, type DuplicateProblem } from '../people/DuplicateWarning.tsx';
import type { PersonRecord } from '../people/types.ts';
import { useNotifyProblem } from '../tasks/useTaskActions.ts';
import type { TCase } from '@guanai/api/types';

interface CaseForm {
  person?: Record<string, unknown>;
  personId?: string;
  situation: string;
  emergency?: boolean;
  confirmNotDuplicate?: boolean;
}

/**
 * The body of POST /api/cases: an existing registry person (`personId`), or a new one (`person`,
 * without empty optional fields, so the API validates only what was entered; `confirmNotDuplicate`
 * beside it once the worker said a possible duplicate is someone else).
 */
function transform(values: CaseForm) {
  const common = { situation: values.situation, emergency: values.emergency ?? false };
  if (values.personId) return { personId: values.personId, ...common };
  const person = Object.fromEntries(
    Object.entries(values.person ?? {}).filter(([, v]) => v !== '' && v !== null && v !== undefined),
  );
  return { person, ...common, ...(values.confirmNotDuplicate ? { confirmNotDuplicate: true } : {}) };
}

/** Who the case is for, when it was opened from the person's page. */
function RegisteredPerson({ id }: { id: string }) {
  const translate = useTranslate();
  const { data: person } = useGetOne<PersonRecord>('people', { id });
  return (
    <Alert severity="info" sx={{ mb: 2, width: '100%', boxSizing: 'border-box' }}>
      {translate('guanai.case.forPerson', {
        name: person
          ? `${person.name}${person.idNumberMasked ? ` · ${person.idNumberMasked}` : ''} · ${person.communityName}`
          : '…',
      })}
    </Alert>
  );
}

/** The 409's duplicates: register anyway (possible duplicate), or open the case for the existing record. */
function DuplicatePanel({ problem }: { problem: DuplicateProblem | null }) {
  const { save, saving } = useSaveContext();
  const { getValues } = useFormContext<CaseForm>();
  if (!problem) return null;
  return (
    <DuplicateWarning
      problem={problem}
      disabled={saving}
      onNotSame={() => save?.({ ...getValues(), confirmNotDuplicate: true })}
      onUseExisting={(id) => save?.({ ...getValues(), personId: id })}
    />
  );
}

function PersonInputs() {
  const translate = useTranslate();
  const personId = useWatch<CaseForm, 'personId'>({ name: 'personId' });
  if (personId) return <RegisteredPerson id={personId} />;
  return (
    <>
      <TextInput source="person.name" validate={required()} fullWidth />
      <TextInput source="person.idNumber" fullWidth />
      <RadioButtonGroupInput source="person.sex" choices={sexChoices} />
      <DateInput source="person.birthDate" />
      <TextInput source="person.phone" fullWidth />
      <TextInput source="person.address" fullWidth />
      <RadioButtonGroupInput
        source="person.hukou"
        choices={hukouChoices}
        validate={required()}
        helperText={translate('guanai.case.emergencyHint')}
      />
    </>
  );
}

/**
 * 立案登记: a station worker registers a self-application (§四(一)), for a new person or, from the
 * registry (`?source={"personId":…}`), for one already registered.
 */
export function CaseCreate() {
  const notify = useNotify();
  const redirect = useRedirect();
  const notifyProblem = useNotifyProblem();
  const [duplicates, setDuplicates] = useState<DuplicateProblem | null>(null);
  return (
    <Create
      title="guanai.case.register"
      transform={transform}
      mutationOptions={{
        onSuccess: (data: TCase) => {
          notify('guanai.notifications.created', { type: 'success', messageArgs: { caseNo: data.caseNo } });
          redirect('show', 'cases', data.id);
        },
        onError: (error: unknown) => {
          const problem = duplicateProblem(error);
          setDuplicates(problem);
          if (!problem) notifyProblem(error);
        },
      }}
    >
      <SimpleForm defaultValues={{ person: { hukou: 'CHENGDU' }, emergency: false }}>
        <DuplicatePanel problem={duplicates} />
        <PersonInputs />
        <TextInput source="situation" multiline minRows={3} validate={required()} fullWidth />
        <BooleanInput source="emergency" />
      </SimpleForm>
    </Create>
  );
}
