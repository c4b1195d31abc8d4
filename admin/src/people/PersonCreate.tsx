import { useState } from 'react';
import { Create, SimpleForm, useNotify, useRedirect, useSaveContext } from 'react-admin';
import { useFormContext } from 'react-hook-form';
import { useNotifyProblem } from '../tasks/useTaskActions.ts';
import { DuplicateWarning, duplicateProblem, type DuplicateProblem } from './DuplicateWarning.tsx';
import { PersonInputs } from './PersonInputs.tsx';
import type { PersonRecord } from './types.ts';

const isBlank = (v: unknown) => v === '' || v === null || v === undefined || (Array.isArray(v) && v.length === 0);

/** Sends what was entered: no empty fields, no document type without a number, confirmNotDuplicate only when said. */
export function personBody(values: Record<string, unknown>) {
  const body = Object.fromEntries(
    Object.entries(values).filter(([key, v]) => !isBlank(v) && key !== 'confirmNotDuplicate'),
  );
  if (typeof body.idNumber === 'string') body.idNumber = body.idNumber.trim().toUpperCase();
  if (!body.idNumber) delete body.idType;
  return values.confirmNotDuplicate === true ? { ...body, confirmNotDuplicate: true } : body;
}

/** The 409's duplicates, with "not the same person" resubmitting the same values with confirmNotDuplicate. */
function DuplicatePanel({ problem }: { problem: DuplicateProblem | null }) {
  const { save, saving } = useSaveContext();
  const { getValues } = useFormContext();
  if (!problem) return null;
  return (
    <DuplicateWarning
      problem={problem}
      disabled={saving}
      onNotSame={() => save?.({ ...getValues(), confirmNotDuplicate: true })}
    />
  );
}

/** 登记困难群众: a new registry record, checked for duplicates by the API. */
export function PersonCreate() {
  const notify = useNotify();
  const redirect = useRedirect();
  const notifyProblem = useNotifyProblem();
  const [duplicates, setDuplicates] = useState<DuplicateProblem | null>(null);
  return (
    <Create
      transform={personBody}
      mutationOptions={{
        onSuccess: (person: PersonRecord) => {
          notify('ra.notification.created', { type: 'success', messageArgs: { smart_count: 1 } });
          redirect('show', 'people', person.id);
        },
        onError: (error: unknown) => {
          const problem = duplicateProblem(error);
          setDuplicates(problem);
          if (!problem) notifyProblem(error);
        },
      }}
    >
      <SimpleForm defaultValues={{ idType: 'RESIDENT_ID', hukou: 'CHENGDU', tags: [] }}>
        <DuplicatePanel problem={duplicates} />
        <PersonInputs mode="create" />
      </SimpleForm>
    </Create>
  );
}
