import { Create, SimpleForm } from 'react-admin';
import { useNotifyProblem } from '../../tasks/useTaskActions.ts';
import { createBody } from './resourceBody.ts';
import { ResourceInputs } from './ResourceInputs.tsx';

/** Admins and managers: a new resource of the catalogue, a draft until it is published. */
export function ResourceCreate() {
  const notifyProblem = useNotifyProblem();
  return (
    <Create transform={createBody} redirect="show" mutationOptions={{ onError: notifyProblem }}>
      <SimpleForm defaultValues={{ kind: 'CHARITY_PROJECT', categories: [], eligibility: {} }}>
        <ResourceInputs mode="create" />
      </SimpleForm>
    </Create>
  );
}
