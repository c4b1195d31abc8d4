import type { TOrgUnit } from '@guanai/api/types';
import { AutocompleteInput, ReferenceInput, required, useTranslate } from 'react-admin';
import { ROLE_LEVELS, type UserRole } from '@guanai/workflows/vocabulary';
import { useWatch } from 'react-hook-form';
import { unitText } from '../orgUnits/types.ts';

/** The user's unit; when the role sits at one level only (a station at a community), only those units are offered. */
export function UnitInput() {
  const translate = useTranslate();
  const role = useWatch({ name: 'role' }) as UserRole | undefined;
  const levels: readonly string[] = (role ? ROLE_LEVELS[role] : undefined) ?? [];
  const helperText = levels.map((l) => translate(`guanai.orgLevels.${l}`)).join(' / ') || false;
  return (
    <ReferenceInput
      source="orgUnitId"
      reference="org-units"
      filter={levels.length === 1 ? { level: levels[0] } : {}}
      sort={{ field: 'code', order: 'ASC' }}
    >
      <AutocompleteInput
        optionText={(u: TOrgUnit) => unitText(u)}
        validate={required()}
        helperText={helperText}
        fullWidth
      />
    </ReferenceInput>
  );
}
