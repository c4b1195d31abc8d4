import { Create, SimpleForm } from 'react-admin';
import { useNotifyProblem } from '../../tasks/useTaskActions.ts';
import { partnerCreateBody } from './partnerBody.ts';
import { PartnerInputs } from './PartnerInputs.tsx';

export function PartnerCreate() {
  const notifyProblem = useNotifyProblem();
  return (
    <Create transform={partnerCreateBody} redirect="list" mutationOptions={{ onError: notifyProblem }}>
      <SimpleForm defaultValues={{ kind: 'CHARITY' }}>
        <PartnerInputs mode="create" />
      </SimpleForm>
    </Create>
  );
}
