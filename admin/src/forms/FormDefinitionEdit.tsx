import type { TFormDefinition } from '@guanai/api/types';
import { FORM_VOCABULARY_NAMES, FORM_WIDGETS, type FormLayout } from '@guanai/workflows/forms';
import PublishIcon from '@mui/icons-material/Publish';
import { Alert, Box, Chip, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import {
  ArrayInput,
  BooleanInput,
  Button,
  Confirm,
  DeleteButton,
  Edit,
  FormDataConsumer,
  NumberInput,
  SaveButton,
  SelectInput,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
  Toolbar,
  regex,
  required,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRedirect,
  useSourceContext,
  useTranslate,
} from 'react-admin';
import type { GuanaiDataProvider } from '../providers/dataProvider.ts';
import { useNotifyProblem } from '../tasks/useTaskActions.ts';
import { FormPreview } from './FormPreview.tsx';
import { tidyLayout } from './layout-draft.ts';

const widgetChoices = FORM_WIDGETS.map((id) => ({ id, name: `guanai.formDefs.widgets.${id}` }));
const vocabularyChoices = FORM_VOCABULARY_NAMES.map((id) => ({ id, name: `guanai.formDefs.vocabularies.${id}` }));
const fieldCode = regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/, 'guanai.formDefs.name');

/** The fields of the layout being edited, by code. */
function useEditedFields() {
  const layout = useWatch({ name: 'layout' }) as unknown;
  return tidyLayout(layout).sections.flatMap((section) => section.fields);
}

/** The field a condition depends on: any other field of the form, by its label. */
function ConditionFieldInput() {
  const sourceContext = useSourceContext();
  const own = useWatch({ name: sourceContext.getSource('name') }) as string | undefined;
  const choices = useEditedFields()
    .filter((field) => field.name && field.name !== own && field.widget !== 'multiselect')
    .map((field) => ({ id: field.name, name: `${field.label.zh || field.name}（${field.name}）` }));
  return (
    <SelectInput
      source="visibleIf.field"
      label="guanai.formDefs.visibleIfField"
      sx={{ minWidth: { sm: 220 } }}
      choices={choices}
      translateChoice={false}
      emptyText="—"
      parse={(value: string) => value || undefined}
    />
  );
}

/** The value the condition waits for: 是/否 for a yes/no field, a choice of a select, else text. */
function ConditionValueInput() {
  const translate = useTranslate();
  const sourceContext = useSourceContext();
  const on = useWatch({ name: sourceContext.getSource('visibleIf.field') }) as string | undefined;
  const target = useEditedFields().find((field) => field.name === on);
  if (!on || !target) return null;
  if (target.widget === 'boolean')
    return (
      <SelectInput
        source="visibleIf.equals"
        label="guanai.formDefs.visibleIfEquals"
        sx={{ minWidth: { sm: 160 } }}
        choices={[
          { id: 'true', name: translate('guanai.formDefs.yes') },
          { id: 'false', name: translate('guanai.formDefs.no') },
        ]}
        translateChoice={false}
        format={(value: unknown) => (value === undefined || value === null ? '' : String(value))}
        parse={(value: string) => (value === 'true' ? true : value === 'false' ? false : undefined)}
        validate={required()}
      />
    );
  if (target.widget === 'select' && target.choices && 'options' in target.choices)
    return (
      <SelectInput
        source="visibleIf.equals"
        label="guanai.formDefs.visibleIfEquals"
        sx={{ minWidth: { sm: 160 } }}
        choices={target.choices.options.map((option) => ({ id: option.value, name: option.label.zh }))}
        translateChoice={false}
        validate={required()}
      />
    );
  if (target.widget === 'number')
    return <NumberInput source="visibleIf.equals" label="guanai.formDefs.visibleIfEquals" validate={required()} />;
  return <TextInput source="visibleIf.equals" label="guanai.formDefs.visibleIfEquals" validate={required()} />;
}

/** Keeps the preview beside the editor current while the admin types. */
function LayoutWatcher({ onChange }: { onChange: (layout: FormLayout) => void }) {
  const layout = useWatch({ name: 'layout' }) as unknown;
  const json = JSON.stringify(tidyLayout(layout));
  useEffect(() => onChange(JSON.parse(json) as FormLayout), [json, onChange]);
  return null;
}

/** Saves the draft as it stands, then publishes it as its scope's next version. */
function PublishButton() {
  const record = useRecordContext<TFormDefinition>();
  const { getValues } = useFormContext();
  const dataProvider = useDataProvider<GuanaiDataProvider>();
  const notify = useNotify();
  const notifyProblem = useNotifyProblem();
  const redirect = useRedirect();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!record) return null;
  const publish = async () => {
    setOpen(false);
    setBusy(true);
    try {
      await dataProvider.update('forms', {
        id: record.id,
        data: { layout: tidyLayout(getValues('layout')) },
        previousData: record,
      });
      const { data } = await dataProvider.publishForm(record.id);
      notify('guanai.formDefs.published', {
        type: 'success',
        messageArgs: { form: translate(`guanai.formDefs.kinds.${data.kind}`), version: data.version },
      });
      redirect('show', 'forms', data.id);
    } catch (error) {
      notifyProblem(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button
        label="guanai.formDefs.publish"
        variant="contained"
        color="success"
        disabled={busy}
        onClick={() => setOpen(true)}
      >
        <PublishIcon />
      </Button>
      <Confirm
        isOpen={open}
        title="guanai.formDefs.publish"
        content="guanai.formDefs.publishConfirm"
        onConfirm={publish}
        onClose={() => setOpen(false)}
      />
    </>
  );
}

function EditorToolbar() {
  return (
    <Toolbar sx={{ gap: 1, flexWrap: 'wrap' }}>
      <SaveButton />
      <PublishButton />
      <Box sx={{ flex: 1 }} />
      <DeleteButton mutationMode="pessimistic" label="guanai.formDefs.discard" redirect="list" />
    </Toolbar>
  );
}

function DraftHeading() {
  const record = useRecordContext<TFormDefinition>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
      <Typography variant="h6">{translate(`guanai.formDefs.kinds.${record.kind}`)}</Typography>
      <Chip size="small" label={translate('guanai.formDefs.version', { version: record.version })} />
      <Chip size="small" variant="outlined" label={record.districtName ?? translate('guanai.formDefs.city')} />
      <Chip size="small" color="warning" label={translate('guanai.formDefs.statuses.DRAFT')} />
    </Stack>
  );
}

/** A row of inputs that wraps on a narrow screen. */
const row = {
  sx: { display: 'flex', flexDirection: 'row', flexWrap: 'wrap', columnGap: 1, alignItems: 'flex-start' },
} as const;
const wide = { sx: { minWidth: { sm: 220 } } };

/** One field: its code, type and whether it is required; labels and help in zh/en; choices or bounds; its condition. */
function FieldEditor() {
  return (
    <Stack sx={{ width: '100%' }}>
      <Box {...row}>
        <TextInput source="name" label="guanai.formDefs.name" validate={[required(), fieldCode]} {...wide} />
        <SelectInput
          source="widget"
          label="guanai.formDefs.widget"
          choices={widgetChoices}
          validate={required()}
          defaultValue="text"
          {...wide}
        />
        <BooleanInput source="required" label="guanai.formDefs.required" />
      </Box>
      <Box {...row}>
        <TextInput source="label.zh" label="guanai.formDefs.labelZh" validate={required()} {...wide} />
        <TextInput source="label.en" label="guanai.formDefs.labelEn" {...wide} />
      </Box>
      <Box {...row}>
        <TextInput source="help.zh" label="guanai.formDefs.helpZh" {...wide} />
        <TextInput source="help.en" label="guanai.formDefs.helpEn" {...wide} />
      </Box>
      <FormDataConsumer>
        {({ scopedFormData }) => {
          const widget = (scopedFormData as { widget?: string } | undefined)?.widget;
          if (widget === 'number')
            return (
              <Box {...row}>
                <NumberInput source="min" label="guanai.formDefs.min" />
                <NumberInput source="max" label="guanai.formDefs.max" />
              </Box>
            );
          if (widget !== 'select' && widget !== 'multiselect') return null;
          return (
            <Stack>
              <SelectInput
                source="choices.vocabulary"
                label="guanai.formDefs.vocabulary"
                choices={vocabularyChoices}
                emptyText="—"
                parse={(value: string) => value || undefined}
                {...wide}
              />
              <ArrayInput source="choices.options" label="guanai.formDefs.options">
                <SimpleFormIterator disableReordering fullWidth>
                  <Box {...row}>
                    <TextInput source="value" label="guanai.formDefs.optionValue" validate={required()} />
                    <TextInput source="label.zh" label="guanai.formDefs.optionZh" validate={required()} />
                    <TextInput source="label.en" label="guanai.formDefs.optionEn" />
                  </Box>
                </SimpleFormIterator>
              </ArrayInput>
            </Stack>
          );
        }}
      </FormDataConsumer>
      <Box {...row}>
        <ConditionFieldInput />
        <ConditionValueInput />
      </Box>
    </Stack>
  );
}

/** The editor: sections and their fields (add, remove, reorder; labels zh/en, help, choices, conditions). */
function LayoutEditor() {
  return (
    <ArrayInput source="layout.sections" label="guanai.formDefs.sections">
      <SimpleFormIterator fullWidth>
        <TextInput source="title.zh" label="guanai.formDefs.sectionTitleZh" validate={required()} />
        <TextInput source="title.en" label="guanai.formDefs.sectionTitleEn" />
        <TextInput source="help.zh" label="guanai.formDefs.helpZh" fullWidth />
        <TextInput source="help.en" label="guanai.formDefs.helpEn" fullWidth />
        <ArrayInput source="fields" label="guanai.formDefs.fields">
          <SimpleFormIterator
            fullWidth
            sx={{ '& .RaSimpleFormIterator-line': { borderBottom: 1, borderColor: 'divider', py: 1 } }}
          >
            <FieldEditor />
          </SimpleFormIterator>
        </ArrayInput>
      </SimpleFormIterator>
    </ArrayInput>
  );
}

function DraftEditor() {
  const record = useRecordContext<TFormDefinition>();
  const translate = useTranslate();
  const [layout, setLayout] = useState<FormLayout | null>(null);
  if (!record) return null;
  if (record.status !== 'DRAFT') return <Alert severity="info">{translate('guanai.formDefs.readOnly')}</Alert>;
  return (
    <Stack direction={{ xs: 'column', lg: 'row' }} spacing={2} sx={{ p: { xs: 1, sm: 2 }, alignItems: 'flex-start' }}>
      <Box sx={{ flex: 3, minWidth: 0, width: '100%' }}>
        <DraftHeading />
        <SimpleForm toolbar={<EditorToolbar />} sx={{ p: 0 }}>
          <LayoutWatcher onChange={setLayout} />
          <LayoutEditor />
        </SimpleForm>
      </Box>
      <Box sx={{ flex: 2, minWidth: 0, width: '100%', position: { lg: 'sticky' }, top: { lg: 72 } }}>
        <FormPreview layout={layout ?? (record.layout as FormLayout)} definitionId={record.id} />
      </Box>
    </Stack>
  );
}

/** Admin: edits a draft with the live preview beside it, saves it, publishes it; a published version is read-only. */
export function FormDefinitionEdit() {
  return (
    <Edit
      title="guanai.formDefs.editDraft"
      mutationMode="pessimistic"
      redirect={false}
      transform={(data: { layout?: unknown }) => ({ layout: tidyLayout(data.layout) })}
      component="div"
    >
      <DraftEditor />
    </Edit>
  );
}
