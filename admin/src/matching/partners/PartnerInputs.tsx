import { BooleanInput, SelectInput, TextInput, regex, required } from 'react-admin';
import { partnerKindChoices } from '../choices.ts';

/** 统一社会信用代码: 18 characters, digits and capitals without I, O, S, V, Z (the API checks the same). */
const creditCode = regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, 'guanai.matching.partnerForm.creditCode');

export function PartnerInputs({ mode }: { mode: 'create' | 'edit' }) {
  return (
    <>
      <TextInput source="name" validate={required()} fullWidth />
      <SelectInput source="kind" choices={partnerKindChoices} validate={required()} />
      <TextInput source="creditCode" validate={creditCode} parse={(v: string) => v.toUpperCase()} fullWidth />
      <TextInput source="contact" fullWidth />
      <TextInput source="phone" type="tel" fullWidth />
      {mode === 'edit' && <BooleanInput source="active" />}
    </>
  );
}
