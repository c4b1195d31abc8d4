import { Edit, SimpleForm } from 'react-admin';
import { SaveOnlyToolbar } from '../layout/SaveOnlyToolbar.tsx';
import { useNotifyProblem } from '../tasks/useTaskActions.ts';
import { PersonInputs } from './PersonInputs.tsx';
import type { PersonRecord } from './types.ts';

type PersonForm = PersonRecord & { idNumber?: string | null };

/**
 * Only the fields the registry lets a worker change (never the community, household, merge or
 * hashes); the identity number only when a new one was typed, with its type.
 */
export function editableFields(values: PersonForm) {
  const { name, sex, birthDate, phone, address, hukou, tags, relation, idType, idNumber } = values;
  const number = idNumber?.trim().toUpperCase();
  return {
    name,
    hukou,
    tags: tags ?? [],
    phone: phone ?? '', // empty clears it
    address: address ?? '',
    ...(sex ? { sex } : {}),
    ...(birthDate ? { birthDate } : {}),
    ...(relation ? { relation } : {}),
    ...(number ? { idType: idType ?? 'RESIDENT_ID', idNumber: number } : {}),
  };
}

export function PersonEdit() {
  const notifyProblem = useNotifyProblem();
  return (
    <Edit
      transform={editableFields}
      mutationMode="pessimistic"
      redirect="show"
      mutationOptions={{ onError: notifyProblem }}
    >
      <SimpleForm toolbar={<SaveOnlyToolbar />}>
        <PersonInputs mode="edit" />
      </SimpleForm>
    </Edit>
  );
}
