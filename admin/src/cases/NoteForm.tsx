import { NOTE_KINDS, type NoteKind } from '@guanai/workflows/vocabulary';
import { Button, MenuItem, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { GuanaiDataProvider } from '../providers/dataProvider.ts';
import { useNotifyProblem } from '../tasks/useTaskActions.ts';
import type { CaseRecord } from './types.ts';

/** A visit record, call or note with photos of documents, on any open case (the station's too). */
export function NoteForm() {
  const record = useRecordContext<CaseRecord>();
  const translate = useTranslate();
  const dataProvider = useDataProvider<GuanaiDataProvider>();
  const notify = useNotify();
  const notifyProblem = useNotifyProblem();
  const refresh = useRefresh();
  const [text, setText] = useState('');
  const [kind, setKind] = useState<NoteKind>('VISIT');
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  if (!record || record.status === 'CLOSED') return null;
  const save = async () => {
    setBusy(true);
    try {
      const uploaded = await Promise.all(files.map((file) => dataProvider.uploadAttachment(record.id, file)));
      await dataProvider.addNote(record.id, { text, kind, attachmentIds: uploaded.map((u) => u.data.id) });
      notify('guanai.notes.added', { type: 'success' });
      setText('');
      setFiles([]);
      refresh();
    } catch (error) {
      notifyProblem(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack spacing={1.5} aria-label={translate('guanai.notes.title')}>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5}>
        <TextField
          select
          size="small"
          label={translate('guanai.notes.kind')}
          value={kind}
          onChange={(e) => setKind(e.target.value as NoteKind)}
          sx={{ minWidth: 140 }}
        >
          {NOTE_KINDS.map((k) => (
            <MenuItem key={k} value={k}>
              {translate(`guanai.noteKinds.${k}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          size="small"
          label={translate('guanai.notes.text')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          multiline
          fullWidth
        />
      </Stack>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
        <Button component="label" size="small" variant="outlined">
          {translate('guanai.notes.files')}
          <input
            hidden
            type="file"
            accept="image/jpeg,image/png,image/webp,application/pdf"
            multiple
            onChange={(e) => setFiles([...(e.target.files ?? [])])}
          />
        </Button>
        <span>{files.map((f) => f.name).join('、')}</span>
        <Button size="small" variant="contained" onClick={save} disabled={busy || !text.trim()}>
          {translate('guanai.notes.add')}
        </Button>
      </Stack>
    </Stack>
  );
}
