import { isVisible, type FormField, type FormLayout } from '@guanai/workflows/forms';
import { Box, Stack, Typography } from '@mui/material';
import { useEffect } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import {
  AutocompleteArrayInput,
  BooleanInput,
  DateInput,
  NumberInput,
  SelectInput,
  TextInput,
  maxValue,
  minValue,
  required,
  useLocaleState,
} from 'react-admin';
import { choicesOf, localText } from './labels.ts';

/** Where a defined form's answers go in the form values: `answers.definitionId` and `answers.values.<field>`. */
export const ANSWERS = 'answers';

function FieldInput({ field, source, locale }: { field: FormField; source: string; locale: string }) {
  const label = localText(field.label, locale);
  const helperText = localText(field.help, locale) || false;
  const validate = [
    ...(field.required && field.widget !== 'boolean' ? [required()] : []),
    ...(field.widget === 'number' && field.min !== undefined ? [minValue(field.min)] : []),
    ...(field.widget === 'number' && field.max !== undefined ? [maxValue(field.max)] : []),
  ];
  // A conditional field leaves the values when hidden: the version's schema refuses a hidden answer.
  const common = { source, label, helperText, validate, shouldUnregister: Boolean(field.visibleIf) } as const;
  switch (field.widget) {
    case 'text':
      return <TextInput {...common} fullWidth />;
    case 'textarea':
      return <TextInput {...common} fullWidth multiline minRows={2} />;
    case 'number':
      return <NumberInput {...common} fullWidth />;
    case 'boolean':
      return <BooleanInput {...common} defaultValue={false} />;
    case 'date':
      return <DateInput {...common} fullWidth />;
    case 'select':
      return <SelectInput {...common} choices={choicesOf(field, locale)} fullWidth />;
    case 'multiselect':
      return <AutocompleteArrayInput {...common} choices={choicesOf(field, locale)} fullWidth />;
  }
}

/** A field shown only while the field it depends on has the value its condition names (visibleIf). */
function Conditional({ field, prefix, children }: { field: FormField; prefix: string; children: React.ReactNode }) {
  const on = field.visibleIf!.field;
  const value = useWatch({ name: `${prefix}.${on}` }) as unknown;
  return isVisible(field, { [on]: value }) ? <>{children}</> : null;
}

/**
 * The inputs of a defined form's layout, by section, in the user's language (help text under each field),
 * writing into `answers.values.<field>` with the definition's id in `answers.definitionId`. The same renderer
 * serves the caseworker's task form and the admins' live preview.
 */
export function FormLayoutInputs({ layout, definitionId }: { layout: FormLayout; definitionId: string }) {
  const [locale] = useLocaleState();
  const { setValue } = useFormContext();
  useEffect(() => {
    setValue(`${ANSWERS}.definitionId`, definitionId);
  }, [setValue, definitionId]);
  const prefix = `${ANSWERS}.values`;
  return (
    <Stack spacing={1} sx={{ width: '100%' }} data-testid="defined-form">
      {layout.sections.map((section, s) => (
        <Box key={s} component="fieldset" sx={{ border: 0, p: 0, m: 0, minWidth: 0 }}>
          <Typography component="legend" variant="subtitle1" sx={{ fontWeight: 600 }}>
            {localText(section.title, locale)}
          </Typography>
          {section.help && (
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
              {localText(section.help, locale)}
            </Typography>
          )}
          {section.fields.map((field) => {
            const input = <FieldInput field={field} source={`${prefix}.${field.name}`} locale={locale} />;
            return (
              <Box key={field.name}>
                {field.visibleIf ? (
                  <Conditional field={field} prefix={prefix}>
                    {input}
                  </Conditional>
                ) : (
                  input
                )}
              </Box>
            );
          })}
        </Box>
      ))}
    </Stack>
  );
}
