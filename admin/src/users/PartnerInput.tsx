import { AutocompleteInput, ReferenceInput, required } from 'react-admin';
import { useWatch } from 'react-hook-form';

/** A PARTNER user acts for a partner organisation (the API refuses one without it); no other role has one. */
export function PartnerInput() {
  const role = useWatch({ name: 'role' }) as string | undefined;
  if (role !== 'PARTNER') return null;
  return (
    <ReferenceInput source="partnerId" reference="partners">
      <AutocompleteInput optionText="name" validate={required()} fullWidth />
    </ReferenceInput>
  );
}
