import { FIELD_NAME, type FormLayout } from '@guanai/workflows/forms';
import { Card, CardContent, Typography } from '@mui/material';
import { Form, useTranslate } from 'react-admin';
import { FormLayoutInputs } from './FormLayoutInputs.tsx';

/**
 * The form as a caseworker will see it, with the renderer the task form uses: conditions show and hide
 * fields as in the task. Its own form, not the editor's (fields without a valid code yet are left out).
 */
export function FormPreview({ layout, definitionId }: { layout: FormLayout; definitionId: string }) {
  const translate = useTranslate();
  const shown: FormLayout = {
    sections: layout.sections.map((section) => ({
      ...section,
      fields: section.fields.filter((field) => FIELD_NAME.test(field.name)),
    })),
  };
  const empty = shown.sections.every((section) => section.fields.length === 0);
  return (
    <Card variant="outlined" data-testid="form-preview">
      <CardContent>
        <Typography variant="subtitle2" color="text.secondary" sx={{ mb: 1 }}>
          {translate('guanai.formDefs.preview')}
        </Typography>
        {empty ? (
          <Typography color="text.secondary">{translate('guanai.formDefs.previewEmpty')}</Typography>
        ) : (
          <Form record={{}} key={definitionId}>
            <FormLayoutInputs layout={shown} definitionId={definitionId} />
          </Form>
        )}
      </CardContent>
    </Card>
  );
}
