import type { ProjectStatus } from '@guanai/workflows/vocabulary';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import { Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle, Stack } from '@mui/material';
import { useState } from 'react';
import { Button, useDataProvider, useRecordContext, useTranslate } from 'react-admin';
import type { GuanaiDataProvider } from '../../providers/dataProvider.ts';
import { useCan } from '../../providers/useCan.ts';
import { useAction } from '../../tasks/useTaskActions.ts';
import type { ProjectRecord } from '../types.ts';

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
