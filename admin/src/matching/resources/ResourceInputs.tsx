import type { TOrgUnit, TResource } from '@guanai/api/types';

/** What the case picker shows of a case: its number only (never the person's name in a campaign's form). */
type TCaseSummary = { id: string; caseNo: string };
import { Divider, Typography } from '@mui/material';
import {
  AutocompleteInput,
  BooleanInput,
  CheckboxGroupInput,
  DateInput,
  FunctionField,
  Labeled,
  NumberInput,
  RadioButtonGroupInput,
  ReferenceInput,
  SelectInput,
  TextInput,
  minValue,
  required,
  useTranslate,
  type Validator,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { unitText } from '../../orgUnits/types.ts';
import { hukouChoices, tagChoices } from '../../people/choices.ts';
import { campaignTypeChoices, categoryChoices, kindChoices } from '../choices.ts';

const atLeastOne: Validator = (value: unknown) =>
  Array.isArray(value) && value.length > 0 ? undefined : 'ra.validation.required';

/** Not before the lower bound (the API says the same: maxAge ≥ minAge, validTo ≥ validFrom). */
const notBelow =
  (other: string): Validator =>
  (value: unknown, values: Record<string, unknown>) => {
    const path = other.split('.');
    const bound = path.reduce<unknown>(
      (v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined),
      values,
    );
    return value !== null &&
      value !== undefined &&
      value !== '' &&
      bound !== null &&
      bound !== undefined &&
      bound !== '' &&
      value < bound
      ? 'ra.validation.minValue'
      : undefined;
  };

function Section({ label }: { label: string }) {
  const translate = useTranslate();
  return (
    <>
      <Divider flexItem sx={{ my: 1 }} />
      <Typography variant="subtitle1" gutterBottom>
        {translate(label)}
      </Typography>
    </>
  );
}

/**
 * §四(三) 定向募捐: a directed campaign names its beneficiary — a case, or a need category and a township
 * (the API answers 422 on 受益个案 when neither is given). The public sees the category and township only.
 */
function BeneficiaryFields() {
  const translate = useTranslate();
  const campaignType = useWatch({ name: 'campaignType' }) as string | undefined;
  if (campaignType !== 'DIRECTED') return null;
  return (
    <>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('guanai.matching.donations.beneficiaryHelp')}
      </Typography>
      <ReferenceInput source="beneficiaryCaseId" reference="cases" sort={{ field: 'caseNo', order: 'ASC' }}>
        <AutocompleteInput
          optionText={(c: TCaseSummary) => c.caseNo}
          filterToQuery={(q: string) => ({ q })}
          helperText="guanai.matching.donations.beneficiaryCaseHelp"
          parse={(value: string | null) => value || null}
          fullWidth
        />
      </ReferenceInput>
      <SelectInput source="beneficiaryCategory" choices={categoryChoices} fullWidth />
      <ReferenceInput
        source="beneficiaryTownshipId"
        reference="org-units"
        filter={{ level: 'TOWNSHIP' }}
        sort={{ field: 'code', order: 'ASC' }}
      >
        <AutocompleteInput
          optionText={(u: TOrgUnit) => unitText(u)}
          parse={(value: string | null) => value || null}
          fullWidth
        />
      </ReferenceInput>
    </>
  );
}

/** Kind-dependent fields: a purchased service's contract and standard, a campaign's type, target and deadline. */
function KindFields({ kind }: { kind: string | undefined }) {
  if (kind === 'PURCHASED_SERVICE') {
    return (
      <>
        <Section label="guanai.matching.form.kindFields" />
        <TextInput source="contractNo" validate={required()} fullWidth />
        <TextInput source="serviceStandard" multiline minRows={2} fullWidth />
      </>
    );
  }
  if (kind === 'FUNDRAISING') {
    return (
      <>
        <Section label="guanai.matching.form.kindFields" />
        <RadioButtonGroupInput source="campaignType" choices={campaignTypeChoices} validate={required()} />
        <BeneficiaryFields />
        <NumberInput source="target" min={0} validate={[required(), minValue(0.01)]} />
        <DateInput source="deadline" validate={required()} />
      </>
    );
  }
  return null;
}

/**
 * The catalogue's fields of a resource. The kind is chosen once (`create`) and shown, not edited
 * (`edit`); the fields it brings follow it. Eligibility is data: every rule optional.
 */
export function ResourceInputs({ mode }: { mode: 'create' | 'edit' }) {
  const translate = useTranslate();
  const kind = useWatch({ name: 'kind' }) as string | undefined;
  return (
    <>
      {mode === 'create' ? (
        <SelectInput source="kind" choices={kindChoices} validate={required()} />
      ) : (
        <Labeled label="resources.resources.fields.kind">
          <FunctionField<TResource>
            source="kind"
            render={(r) =>
              `${translate(`guanai.matching.kinds.${r.kind}`, { _: r.kind })}（${translate('guanai.matching.form.kindFixed')}）`
            }
          />
        </Labeled>
      )}
      <TextInput source="name" validate={required()} fullWidth />
      <TextInput source="description" multiline minRows={2} fullWidth />
      <ReferenceInput source="providerId" reference="partners" sort={{ field: 'name', order: 'ASC' }}>
        <SelectInput optionText="name" validate={required()} fullWidth />
      </ReferenceInput>
      <ReferenceInput source="coverageUnitId" reference="org-units" sort={{ field: 'code', order: 'ASC' }}>
        <AutocompleteInput optionText={(u: TOrgUnit) => unitText(u)} validate={required()} fullWidth />
      </ReferenceInput>
      <CheckboxGroupInput source="categories" choices={categoryChoices} validate={atLeastOne} />
      <NumberInput
        source="capacity"
        min={0}
        step={1}
        helperText="guanai.matching.form.capacityHelp"
        validate={minValue(0)}
      />
      {kind === 'FUNDRAISING' ? null : (
        <NumberInput source="budget" min={0} helperText="guanai.matching.form.budgetHelp" validate={minValue(0)} />
      )}
      <DateInput source="validFrom" />
      <DateInput source="validTo" validate={notBelow('validFrom')} />
      <KindFields kind={kind} />
      <Section label="guanai.matching.form.eligibility" />
      <CheckboxGroupInput
        source="eligibility.hukou"
        choices={hukouChoices}
        helperText="guanai.matching.form.hukouAny"
      />
      <NumberInput source="eligibility.minAge" min={0} max={150} step={1} validate={minValue(0)} />
      <NumberInput source="eligibility.maxAge" min={0} max={150} step={1} validate={notBelow('eligibility.minAge')} />
      <NumberInput source="eligibility.maxIncomePerHead" min={0} validate={minValue(0)} />
      <BooleanInput source="eligibility.disability" />
      <CheckboxGroupInput source="eligibility.tagsAny" choices={tagChoices} />
    </>
  );
}
