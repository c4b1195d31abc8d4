import { Edit, SimpleForm } from 'react-admin';
import { SaveOnlyToolbar } from '../../layout/SaveOnlyToolbar.tsx';
import { useNotifyProblem } from '../../tasks/useTaskActions.ts';
import { changedResourceFields } from './resourceBody.ts';
import { ResourceInputs } from './ResourceInputs.tsx';

/** Admins and managers: corrects a resource, sending only what changed (capacity and budget not below what is held: 409). */
export function ResourceEdit() {
  const notifyProblem = useNotifyProblem();
  return (
    <Edit
      transform={changedResourceFields}
      mutationMode="pessimistic"
      redirect="show"
      mutationOptions={{ onError: notifyProblem }}
    >
      <SimpleForm toolbar={<SaveOnlyToolbar />}>
        <ResourceInputs mode="edit" />
      </SimpleForm>
    </Edit>
  );
}
