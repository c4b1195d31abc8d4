import type { ProjectStatus } from '@guanai/workflows/vocabulary';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import ReplyIcon from '@mui/icons-material/Reply';
import { Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle, Stack } from '@mui/material';
import { useState } from 'react';
import {
  Button,
  Form,
  NumberInput,
  ReferenceInput,
  SaveButton,
  SelectInput,
  TextInput,
  minLength,
  minValue,
  required,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import type { GuanaiDataProvider } from '../../providers/dataProvider.ts';
import { useCan } from '../../providers/useCan.ts';
import { useAction, useNotifyProblem } from '../../tasks/useTaskActions.ts';
import type { ProjectRecord } from '../types.ts';
import { usePartnerId } from '../usePartnerId.ts';

/** 响应项目 (partners, once each): a message, an amount it offers, and optionally one of its own resources. */
export function RespondButton() {
  const project = useRecordContext<ProjectRecord>();
  const can = useCan();
  const partnerId = usePartnerId();
  const translate = useTranslate();
  const dataProvider = useDataProvider<GuanaiDataProvider>();
  const notify = useNotify();
  const notifyProblem = useNotifyProblem();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  // A partner sees only its own response: one there means it has answered.
  if (
    !project ||
    project.status !== 'PUBLISHED' ||
    !can('POST /api/projects/:id/responses') ||
    project.responseList?.length
  )
    return null;
  const save = async (values: Record<string, unknown>) => {
    try {
      const amount = typeof values.amount === 'number' ? values.amount : undefined;
      const resourceId = typeof values.resourceId === 'string' && values.resourceId ? values.resourceId : undefined;
      await dataProvider.respondToProject(project.id, {
        message: String(values.message).trim(),
        ...(amount ? { amount } : {}),
        ...(resourceId ? { resourceId } : {}),
      });
      notify('guanai.matching.projects.responded', { type: 'success' });
      setOpen(false);
      refresh();
    } catch (error) {
      notifyProblem(error);
    }
  };
  return (
    <>
      <MuiButton
        variant="contained"
        startIcon={<ReplyIcon />}
        onClick={() => setOpen(true)}
        sx={{ alignSelf: 'flex-start' }}
      >
        {translate('guanai.matching.projects.respond')}
      </MuiButton>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
        <Form onSubmit={save} record={{}}>
          <DialogTitle>{translate('guanai.matching.projects.respond')}</DialogTitle>
          <DialogContent>
            <TextInput
              source="message"
              label="guanai.matching.projects.message"
              validate={[required(), minLength(4)]}
              multiline
              minRows={3}
              fullWidth
            />
            <NumberInput source="amount" label="guanai.matching.projects.amount" validate={minValue(0.01)} fullWidth />
            {partnerId && (
              <ReferenceInput
                source="resourceId"
                reference="resources"
                filter={{ providerId: partnerId }}
                sort={{ field: 'name', order: 'ASC' }}
              >
                <SelectInput optionText="name" label="guanai.matching.projects.resource" emptyText="—" fullWidth />
              </ReferenceInput>
            )}
          </DialogContent>
          <DialogActions>
            <Button label="ra.action.cancel" onClick={() => setOpen(false)} />
            <SaveButton label="ra.action.confirm" alwaysEnable />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
}

/** 结束项目 (the owning center): funded, or withdrawn from the platform. */
export function CloseProjectButton() {
  const project = useRecordContext<ProjectRecord>();
  const can = useCan();
  const translate = useTranslate();
  const dataProvider = useDataProvider<GuanaiDataProvider>();
  const { busy, run } = useAction();
  const [open, setOpen] = useState(false);
  if (!project || project.status !== 'PUBLISHED' || !can('POST /api/projects/:id/close')) return null;
  const close = async (status: Exclude<ProjectStatus, 'PUBLISHED'>) => {
    if (await run(() => dataProvider.closeProject(project.id, status), 'guanai.matching.projects.closed'))
      setOpen(false);
  };
  return (
    <>
      <Button label="guanai.matching.projects.close" onClick={() => setOpen(true)}>
        <CheckCircleIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="xs">
        <DialogTitle>{translate('guanai.matching.projects.closeTitle')}</DialogTitle>
        <DialogContent>
          <Stack spacing={1} sx={{ pt: 1 }}>
            <MuiButton variant="contained" color="success" disabled={busy} onClick={() => close('FUNDED')}>
              {translate('guanai.matching.projects.funded')}
            </MuiButton>
            <MuiButton variant="outlined" color="warning" disabled={busy} onClick={() => close('WITHDRAWN')}>
              {translate('guanai.matching.projects.withdrawn')}
            </MuiButton>
          </Stack>
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
}
