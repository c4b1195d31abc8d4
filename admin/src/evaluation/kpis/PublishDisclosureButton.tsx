import type { PublishResult } from '@guanai/api/types';
import PublishIcon from '@mui/icons-material/Publish';
import {
  Alert,
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Link,
  TextField,
  useMediaQuery,
  type Theme,
} from '@mui/material';
import { useState } from 'react';
import { Button, useDataProvider, useTranslate } from 'react-admin';
import type { GuanaiDataProvider } from '../../providers/dataProvider.ts';
import { useNotifyProblem } from '../../tasks/useTaskActions.ts';
import { isMonth, lastMonth } from '../months.ts';

/**
 * 发布公开信息 (§四(七)): publishes a month that has ended now, through the same workflow as the
 * monthly schedule. A changed month becomes a correction (a new version); an unchanged one adds nothing.
 */
export function PublishDisclosureButton() {
  const translate = useTranslate();
  const notifyProblem = useNotifyProblem();
  const dataProvider = useDataProvider<GuanaiDataProvider>();
  const isSmall = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const [open, setOpen] = useState(false);
  const [period, setPeriod] = useState(lastMonth());
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<PublishResult | null>(null);
  const valid = isMonth(period) && period <= lastMonth();
  const publish = async () => {
    setBusy(true);
    setResult(null);
    try {
      setResult((await dataProvider.publishDisclosure(period)).data);
    } catch (error) {
      notifyProblem(error);
    } finally {
      setBusy(false);
    }
  };
  const close = () => {
    setOpen(false);
    setResult(null);
  };
  return (
    <>
      <MuiButton size="small" startIcon={<PublishIcon />} onClick={() => setOpen(true)}>
        {translate('guanai.evaluation.publish.button')}
      </MuiButton>
      <Dialog
        open={open}
        onClose={close}
        fullWidth
        maxWidth="sm"
        fullScreen={isSmall}
        aria-labelledby="publish-disclosure-title"
      >
        <DialogTitle id="publish-disclosure-title">{translate('guanai.evaluation.publish.title')}</DialogTitle>
        <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
          <DialogContentText>{translate('guanai.evaluation.publish.help')}</DialogContentText>
          <TextField
            type="month"
            label={translate('guanai.evaluation.publish.period')}
            value={period}
            onChange={(e) => setPeriod(e.target.value)}
            error={!valid}
            helperText={valid ? undefined : translate('guanai.evaluation.publish.ended')}
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: lastMonth() } }}
            sx={{ maxWidth: 240 }}
          />
          {result && (
            <Alert severity={result.kind === 'UNCHANGED' ? 'info' : 'success'} role="status">
              <strong>
                {translate(`guanai.evaluation.publish.results.${result.kind}`, {
                  period: result.period,
                  version: result.version,
                })}
              </strong>
              <br />
              {translate('guanai.evaluation.publish.counts', { rows: result.rows, suppressed: result.suppressed })}
              <br />
              <Link href={`/public.html#${result.period}`} target="_blank" rel="noopener">
                {translate('guanai.evaluation.publish.view')}
              </Link>
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.close" onClick={close} />
          <Button label="guanai.evaluation.publish.run" variant="contained" onClick={publish} disabled={!valid || busy}>
            <PublishIcon />
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
