import { Edit, SimpleForm } from 'react-admin';
import { SaveOnlyToolbar } from '../../layout/SaveOnlyToolbar.tsx';
import { useNotifyProblem } from '../../tasks/useTaskActions.ts';
import { partnerChangedFields } from './partnerBody.ts';
import { PartnerInputs } from './PartnerInputs.tsx';

export function PartnerEdit() {
  const notifyProblem = useNotifyProblem();
  return (
    <Edit
      transform={partnerChangedFields}
      mutationMode="pessimistic"
      redirect="list"
      mutationOptions={{ onError: notifyProblem }}
    >
      <SimpleForm toolbar={<SaveOnlyToolbar />}>
        <PartnerInputs mode="edit" />
      </SimpleForm>
    </Edit>
  );
}
