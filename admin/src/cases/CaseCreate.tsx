import { Alert } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import {
  BooleanInput,
  Create,
  DateInput,
  RadioButtonGroupInput,
  SelectInput,
  SimpleForm,
  TextInput,
  required,
  useGetOne,
  useNotify,
  useRedirect,
  useSaveContext,
  useTranslate,
} from 'react-admin';
import { useFormContext, useFormState, useWatch, type FieldErrors } from 'react-hook-form';
import { DISCOVERER_KINDS, REFERRAL_SOURCES, type Origin } from '@guanai/workflows/vocabulary';
import { useDepartments } from '../evaluation/meetings/useDepartments.ts';
import { hukouChoices, sexChoices } from '../people/choices.ts';
import { DuplicateWarning, duplicateProblem, type DuplicateProblem } from '../people/DuplicateWarning.tsx';
import type { PersonRecord } from '../people/types.ts';
import { useNotifyProblem } from '../tasks/useTaskActions.ts';
import { SubtreeCommunityInput } from './SubtreeCommunityInput.tsx';
import { doorTitle, useCaseDoor } from './useCaseDoor.ts';
import type { TCase, TCreateCase } from '@guanai/api/types';

interface CaseForm {
  person?: Record<string, unknown>;
  personId?: string;
  situation: string;
  emergency?: boolean;
  confirmNotDuplicate?: boolean;
  /** 主动发现: who found the person (a discoverer's report). */
  discovererKind?: TCreateCase['discovererKind'];
  /** 转介: who referred the person, and the community of the user's subtree the case concerns. */
  referral?: { source?: string; departmentCode?: string; ticketNo?: string };
  communityId?: string;
}

const discovererKindChoices = DISCOVERER_KINDS.map((id) => ({ id, name: `guanai.discovererKinds.${id}` }));
const referralSourceChoices = REFERRAL_SOURCES.map((id) => ({ id, name: `guanai.referralSources.${id}` }));

/** The door's part of the body: who found the person, or who referred them and for which community. */
function door(values: CaseForm): Pick<TCreateCase, 'discovererKind' | 'referral' | 'communityId'> {
  const { referral, communityId, discovererKind } = values;
  if (referral?.source === 'DEPARTMENT')
    return { referral: { source: 'DEPARTMENT', departmentCode: referral.departmentCode ?? '' }, communityId };
  if (referral?.source === 'HOTLINE_12345')
    return { referral: { source: 'HOTLINE_12345', ticketNo: (referral.ticketNo ?? '').trim() }, communityId };
  return discovererKind ? { discovererKind } : {};
}

/**
 * The body of POST /api/cases: an existing registry person (`personId`), or a new one (`person`,
 * without empty optional fields, so the API validates only what was entered; `confirmNotDuplicate`
 * beside it once the worker said a possible duplicate is someone else); and the door's part.
 */
function transform(values: CaseForm) {
  const common = { situation: values.situation, emergency: values.emergency ?? false, ...door(values) };
  if (values.personId) return { personId: values.personId, ...common };
  const person = Object.fromEntries(
    Object.entries(values.person ?? {}).filter(([, v]) => v !== '' && v !== null && v !== undefined),
  );
  return { person, ...common, ...(values.confirmNotDuplicate ? { confirmNotDuplicate: true } : {}) };
}

const PERSON_FIELDS = ['name', 'idNumber', 'sex', 'birthDate', 'phone', 'address', 'hukou'].map((f) => `person.${f}`);

/** The inputs a 422's field can be shown under, for this door (the person's only when they are typed in). */
function inputsOf(door: Origin | undefined, personId: string | undefined): Set<string> {
  return new Set([
    'situation',
    'emergency',
    ...(personId ? [] : PERSON_FIELDS),
    ...(door === 'OUTREACH' ? ['discovererKind'] : []),
    ...(door === 'REFERRAL' ? ['referral.source', 'referral.departmentCode', 'referral.ticketNo', 'communityId'] : []),
  ]);
}

/**
 * The API's 422 (`errors: [{ field, reason }]`) as react-admin's submission errors: each reason under
 * its input (the notification names them all, see onError). A field with no input here is left to
 * the notification: an error on a field the form does not have would block every later submit.
 */
function submissionErrors(errors: { field: string; reason: string }[], inputs: Set<string>) {
  const tree: Record<string, unknown> = {};
  for (const { field, reason } of errors) {
    const at = field === 'referral' ? 'referral.source' : field;
    if (!inputs.has(at)) continue;
    const path = at.split('.');
    let node = tree;
    for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
    node[path[path.length - 1]!] = reason;
  }
  return tree;
}

/** Whether any error is the form's own check's rather than the API's (react-admin marks those `server`). */
const hasOwnCheck = (errors: FieldErrors | Record<string, unknown>): boolean =>
  Object.values(errors).some((error) =>
    error && typeof error === 'object' && 'type' in error && typeof error.type === 'string'
      ? error.type !== 'server'
      : !!error && typeof error === 'object' && hasOwnCheck(error as Record<string, unknown>),
  );

/**
 * react-admin's "表单有误，请检查" notification, for the form's own checks only: when the API refused
 * the save, its problem is the notification already (onError), with every field's reason.
 */
function InvalidFormNotice() {
  const notify = useNotify();
  const { submitCount, errors } = useFormState();
  const seen = useRef(submitCount);
  useEffect(() => {
    if (submitCount <= seen.current) return;
    seen.current = submitCount;
    if (hasOwnCheck(errors)) notify('ra.message.invalid_form', { type: 'error' });
  }, [submitCount, errors, notify]);
  return null;
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

/** 主动发现: who found the person, as what (网格员, 楼栋长, 志愿者 …). */
function DiscovererInputs() {
  return <SelectInput source="discovererKind" choices={discovererKindChoices} validate={required()} fullWidth />;
}

/**
 * 转介: who referred the person (a member department, or the 12345 hotline with its ticket number),
 * and the community of the user's subtree the case concerns, where it starts. For a registered person
 * the community is theirs until changed.
 */
function ReferralInputs() {
  const translate = useTranslate();
  const { departments } = useDepartments();
  const source = useWatch<CaseForm, 'referral.source'>({ name: 'referral.source' });
  const personId = useWatch<CaseForm, 'personId'>({ name: 'personId' });
  const { data: person } = useGetOne<PersonRecord>('people', { id: personId ?? '' }, { enabled: !!personId });
  const { getValues, setValue } = useFormContext<CaseForm>();
  useEffect(() => {
    if (person?.communityId && !getValues('communityId')) setValue('communityId', person.communityId);
  }, [person?.communityId, getValues, setValue]);
  return (
    <>
      <Alert severity="info" sx={{ mb: 2, width: '100%', boxSizing: 'border-box' }}>
        {translate('guanai.case.referralHint')}
      </Alert>
      <RadioButtonGroupInput
        source="referral.source"
        choices={referralSourceChoices}
        defaultValue="DEPARTMENT"
        validate={required()}
      />
      {source === 'HOTLINE_12345' ? (
        <TextInput source="referral.ticketNo" validate={required()} fullWidth />
      ) : (
        <SelectInput
          source="referral.departmentCode"
          choices={departments.map((d) => ({ id: d.code, name: d.name }))}
          translateChoice={false}
          validate={required()}
          fullWidth
        />
      )}
      <SubtreeCommunityInput />
    </>
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

/** The form, submitting through the page's save: a 422's reasons land under their inputs. */
function CaseFormBody({ door, duplicates }: { door: Origin | undefined; duplicates: DuplicateProblem | null }) {
  const { save } = useSaveContext();
  const submit = async (values: Record<string, unknown>) => {
    const errors: unknown = await save?.(values);
    return Array.isArray(errors)
      ? submissionErrors(errors, inputsOf(door, values.personId as string | undefined))
      : errors;
  };
  return (
    <SimpleForm
      defaultValues={{ person: { hukou: 'CHENGDU' }, emergency: false }}
      onSubmit={submit}
      disableInvalidFormNotification
    >
      <InvalidFormNotice />
      <DuplicatePanel problem={duplicates} />
      {door === 'REFERRAL' && <ReferralInputs />}
      {door === 'OUTREACH' && <DiscovererInputs />}
      <PersonInputs />
      <TextInput source="situation" multiline minRows={3} validate={required()} fullWidth />
      <BooleanInput source="emergency" />
    </SimpleForm>
  );
}

/**
 * 立案 by every door of §四(一): a station worker registers a self-application, a discoverer reports
 * someone found (主动发现, saying as what: 网格员, 楼栋长 …), township, district or city staff open a
 * referral (转介立案: from a member department or the 12345 hotline, for a community of their
 * subtree); for a new person or, from the registry (`?source={"personId":…}`), one already registered.
 */
export function CaseCreate() {
  const notify = useNotify();
  const redirect = useRedirect();
  const notifyProblem = useNotifyProblem();
  const door = useCaseDoor();
  const [duplicates, setDuplicates] = useState<DuplicateProblem | null>(null);
  return (
    <Create
      title={doorTitle(door)}
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
      <CaseFormBody door={door} duplicates={duplicates} />
    </Create>
  );
}
