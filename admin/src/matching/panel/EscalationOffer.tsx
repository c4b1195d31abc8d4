import { Alert, Button } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { CaseRecord } from '../../cases/types.ts';
import type { GuanaiDataProvider } from '../../providers/dataProvider.ts';
import { useCan } from '../../providers/useCan.ts';
import { useNotifyProblem } from '../../tasks/useTaskActions.ts';
import { ReasonDialog } from '../ReasonDialog.tsx';

/**
 * 本级无可对接资源: no candidate at the case's own tier, so the upper center may take it
 * (§四(六)); the button is the case's ESCALATE action, offered when the machine allows it now.
 */
export function EscalationOffer() {
  const record = useRecordContext<CaseRecord>();
  const can = useCan();
  const translate = useTranslate();
  const dataProvider = useDataProvider<GuanaiDataProvider>();
  const notify = useNotify();
  const notifyProblem = useNotifyProblem();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  if (!record) return null;
  const mayEscalate = can('POST /api/cases/:id/actions') && (record.actions ?? []).includes('ESCALATE');
  const escalate = async (reason: string) => {
    try {
      await dataProvider.caseAction(record.id, { type: 'ESCALATE', reason });
      notify('guanai.matching.panel.escalated', { type: 'success' });
      setOpen(false);
      refresh();
      return true;
    } catch (error) {
      notifyProblem(error);
      return false;
    }
  };
  return (
    <>
      <Alert
        severity="warning"
        action={
          mayEscalate && (
            <Button color="inherit" size="small" variant="outlined" onClick={() => setOpen(true)}>
              {translate('guanai.matching.panel.escalate')}
            </Button>
          )
        }
      >
        {translate('guanai.matching.panel.escalation')}
      </Alert>
      <ReasonDialog
        open={open}
        title={translate('guanai.matching.panel.escalate')}
        label={translate('guanai.matching.panel.escalateReason')}
        minLength={1}
        onClose={() => setOpen(false)}
        onConfirm={escalate}
      />
    </>
  );
}
