import type { TOrgUnit } from '@guanai/api/types';
import { Alert } from '@mui/material';
import {
  AutocompleteInput,
  Create,
  ReferenceInput,
  SaveButton,
  SelectInput,
  SimpleForm,
  Toolbar,
  required,
  useTranslate,
} from 'react-admin';
import { useSearchParams } from 'react-router-dom';
import { kindChoices } from './FormDefinitionList.tsx';

/**
 * A new draft of a form for the city or a district (a district override): the API copies the scope's
 * version in use (a district's first copies the city's), and the editor opens on it.
 */
export function FormDefinitionCreate() {
  const translate = useTranslate();
  const [params] = useSearchParams();
  return (
    <Create title="guanai.formDefs.newDraft" redirect="edit">
      <SimpleForm
        toolbar={
          <Toolbar>
            {/* The defaults are a complete request: the draft may be started as it stands. */}
            <SaveButton label="guanai.formDefs.newDraft" alwaysEnable />
          </Toolbar>
        }
        defaultValues={{ kind: params.get('kind') ?? 'ASSESSMENT', districtId: params.get('districtId') ?? null }}
      >
        <Alert severity="info" sx={{ mb: 2 }}>
          {translate('guanai.formDefs.newDraftHelp')}
        </Alert>
        <SelectInput source="kind" choices={kindChoices} validate={required()} />
        <ReferenceInput
          source="districtId"
          reference="org-units"
          filter={{ level: 'DISTRICT' }}
          sort={{ field: 'code', order: 'ASC' }}
        >
          <AutocompleteInput
            label="guanai.formDefs.district"
            optionText={(u: TOrgUnit) => u.name}
            parse={(value: string | null) => value || null}
            fullWidth
          />
        </ReferenceInput>
      </SimpleForm>
    </Create>
  );
}
