import type { TResource } from '@guanai/api/types';
import type { ResourceStatus } from '@guanai/workflows/vocabulary';
import BlockIcon from '@mui/icons-material/Block';
import PauseIcon from '@mui/icons-material/Pause';
import PublishIcon from '@mui/icons-material/Publish';
import {
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
} from '@mui/material';
import { useState } from 'react';
import { Button, useDataProvider, useRecordContext, useTranslate } from 'react-admin';
import type { GuanaiDataProvider } from '../../providers/dataProvider.ts';
import { useCan } from '../../providers/useCan.ts';
import { useAction } from '../../tasks/useTaskActions.ts';

/** 发布 / 暂停 / 关闭 (admins and managers). A closed resource stays closed, so closing asks first. */
export function ResourceStatusButtons() {
  const resource = useRecordContext<TResource>();
  const can = useCan();
  const translate = useTranslate();
  const dataProvider = useDataProvider<GuanaiDataProvider>();
  const { busy, run } = useAction();
  const [confirmClose, setConfirmClose] = useState(false);
  if (!resource || resource.status === 'CLOSED' || !can('POST /api/resources/:id/status')) return null;
  const set = async (status: ResourceStatus) => {
    if (await run(() => dataProvider.setResourceStatus(resource.id, status), 'guanai.matching.status.changed'))
      setConfirmClose(false);
  };
  return (
    <>
      {resource.status !== 'PUBLISHED' && (
        <Button label="guanai.matching.status.publish" onClick={() => set('PUBLISHED')} disabled={busy}>
          <PublishIcon />
        </Button>
      )}
      {resource.status === 'PUBLISHED' && (
        <Button label="guanai.matching.status.pause" onClick={() => set('PAUSED')} disabled={busy}>
          <PauseIcon />
        </Button>
      )}
      <Button label="guanai.matching.status.close" onClick={() => setConfirmClose(true)} disabled={busy} color="error">
        <BlockIcon />
      </Button>
      <Dialog open={confirmClose} onClose={() => setConfirmClose(false)} fullWidth maxWidth="xs">
        <DialogTitle>{translate('guanai.matching.status.closeTitle')}</DialogTitle>
        <DialogContent>
          <DialogContentText>
            {translate('guanai.matching.status.closeConfirm', { name: resource.name })}
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setConfirmClose(false)}>{translate('ra.action.cancel')}</MuiButton>
          <MuiButton variant="contained" color="error" onClick={() => set('CLOSED')} disabled={busy}>
            {translate('guanai.matching.status.close')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
}
