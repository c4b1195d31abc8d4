import type { TFormDefinition } from '@guanai/api/types';
import type { FormLayout } from '@guanai/workflows/forms';
import AddIcon from '@mui/icons-material/Add';
import BlockIcon from '@mui/icons-material/Block';
import { Box, Chip, Stack, Typography } from '@mui/material';
import { Button, Show, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { useCan } from '../providers/useCan.ts';
import type { GuanaiDataProvider } from '../providers/dataProvider.ts';
import { useNotifyProblem } from '../tasks/useTaskActions.ts';
import { FormStatusChips } from './FormDefinitionList.tsx';
import { FormPreview } from './FormPreview.tsx';

function RetireButton() {
  const record = useRecordContext<TFormDefinition>();
  const dataProvider = useDataProvider<GuanaiDataProvider>();
  const notify = useNotify();
  const notifyProblem = useNotifyProblem();
  const refresh = useRefresh();
  if (record?.status !== 'PUBLISHED') return null;
  const retire = async () => {
    try {
      await dataProvider.retireForm(record.id);
      notify('guanai.formDefs.retired', { type: 'info' });
      refresh();
    } catch (error) {
      notifyProblem(error);
    }
  };
  return (
    <Button label="guanai.formDefs.retire" color="warning" onClick={retire}>
      <BlockIcon />
    </Button>
  );
}

function PublishedForm() {
  const record = useRecordContext<TFormDefinition>();
  const translate = useTranslate();
  const can = useCan();
  if (!record) return null;
  const draftQuery = new URLSearchParams({
    kind: record.kind,
    ...(record.districtId ? { districtId: record.districtId } : {}),
  });
  return (
    <Stack spacing={2} sx={{ p: { xs: 1, sm: 2 } }}>
      <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="h6">{translate(`guanai.formDefs.kinds.${record.kind}`)}</Typography>
        <Chip size="small" label={translate('guanai.formDefs.version', { version: record.version })} />
        <Chip size="small" variant="outlined" label={record.districtName ?? translate('guanai.formDefs.city')} />
        <FormStatusChips form={record} />
      </Stack>
      {record.publishedAt && (
        <Typography variant="body2" color="text.secondary">
          {translate('resources.forms.fields.publishedAt')}: {new Date(record.publishedAt).toLocaleString('zh-CN')}
          {record.publishedByName ? ` · ${record.publishedByName}` : ''}
        </Typography>
      )}
      {can('POST /api/forms') && (
        <Stack direction="row" spacing={1}>
          <Button
            component={Link}
            to={`/forms/create?${draftQuery.toString()}`}
            label="guanai.formDefs.newDraft"
            variant="outlined"
          >
            <AddIcon />
          </Button>
          <RetireButton />
        </Stack>
      )}
      <Box sx={{ maxWidth: 640 }}>
        <FormPreview layout={record.layout as FormLayout} definitionId={record.id} />
      </Box>
    </Stack>
  );
}

/** One version of a form, read-only, with its preview; admins start the next draft from it. */
export function FormDefinitionShow() {
  return (
    // No edit button: a published version is never changed; 新建草稿 starts the next one.
    <Show title="guanai.formDefs.menu" actions={false}>
      <PublishedForm />
    </Show>
  );
}
