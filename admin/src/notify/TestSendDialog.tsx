import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useDataProvider, useTranslate } from 'react-admin';
import type { GuanaiDataProvider } from '../providers/dataProvider.ts';
import { useNotifyProblem } from '../tasks/useTaskActions.ts';
import type { Channel } from './types.ts';

type Answer = Awaited<ReturnType<GuanaiDataProvider['testNotifyChannel']>>['data'];

/**
 * 发送测试: sends a test message through the channel now and shows what it answered — 成功 with the
 * receipt, or 失败 with the channel's reason (a refusal is an answer, not an error). An e-mail goes to the
 * address given (my own by default), an SMS to the mobile given (my own when left empty); a robot posts
 * to its group.
 */
export function TestSendDialog({ channel, onClose }: { channel: Channel | null; onClose: () => void }) {
  return channel ? <TestSendForm key={channel.id} channel={channel} onClose={onClose} /> : null;
}

function TestSendForm({ channel, onClose }: { channel: Channel; onClose: () => void }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<GuanaiDataProvider>();
  const notifyProblem = useNotifyProblem();
  const [email, setEmail] = useState('');
  const [mobile, setMobile] = useState('');
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (channel.kind !== 'EMAIL') return;
    let current = true;
    // My own address, to change or keep.
    dataProvider
      .getNotifyPreference(null)
      .then(({ data }) => current && setEmail(data.email ?? ''))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [channel, dataProvider]);

  const send = async () => {
    setBusy(true);
    setAnswer(null);
    try {
      const body = {
        ...(channel.kind === 'EMAIL' && email.trim() ? { email: email.trim() } : {}),
        ...(channel.kind === 'SMS' && mobile.trim() ? { mobile: mobile.trim() } : {}),
      };
      setAnswer((await dataProvider.testNotifyChannel(channel.id, body)).data);
    } catch (error) {
      notifyProblem(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="xs">
      <DialogTitle>{translate('guanai.notify.test.title', { name: channel.name })}</DialogTitle>
      <DialogContent>
        {channel.kind === 'EMAIL' && (
          <TextField
            label={translate('guanai.notify.test.email')}
            type="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            helperText={translate('guanai.notify.test.help')}
            fullWidth
            sx={{ mt: 1 }}
          />
        )}
        {channel.kind === 'SMS' && (
          <TextField
            label={translate('guanai.notify.test.mobile')}
            value={mobile}
            onChange={(e) => setMobile(e.target.value)}
            helperText={translate('guanai.notify.test.help')}
            slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 11 } }}
            fullWidth
            sx={{ mt: 1 }}
          />
        )}
        {answer && (
          <Alert severity={answer.ok ? 'success' : 'error'} sx={{ mt: 2, wordBreak: 'break-word' }} role="status">
            <Typography variant="subtitle2">
              {translate(answer.ok ? 'guanai.notify.test.ok' : 'guanai.notify.test.failed')}
            </Typography>
            {answer.ok
              ? answer.receipt && translate('guanai.notify.test.receipt', { receipt: answer.receipt })
              : answer.error}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.close')}</Button>
        <Button variant="contained" onClick={send} disabled={busy}>
          {translate('guanai.notify.test.send')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
