import { Alert, Button, Stack, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useNotify, useRedirect, useTranslate } from 'react-admin';
import { useParams } from 'react-router-dom';
import type { Photo, Place } from './db.ts';
import { FieldPage } from './FieldPage.tsx';
import { useFieldDb, useLive } from './hooks.ts';
import { recordVisit } from './outbox.ts';
import { PhotoInput } from './PhotoInput.tsx';
import { PlaceButton } from './PlaceButton.tsx';

/**
 * 入户走访: a home visit on a case on the phone — the note, photos, the check-in time (when the
 * worker opened this screen) and place. Recorded on the case's version as the phone last saw it,
 * so a case that a supervisor closed meanwhile is not silently written over (the outbox shows it).
 */
export function VisitForm() {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const db = useFieldDb();
  const { id = '' } = useParams();
  const found = useLive(db, (d) => d.cases.get(id), undefined, id);
  const [checkIn] = useState(() => new Date());
  const [text, setText] = useState('');
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [place, setPlace] = useState<Place | undefined>();
  const [error, setError] = useState<string>();
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return setError(translate('ra.validation.required'));
    if (!db || !found) return;
    await recordVisit(db, {
      caseId: found.id,
      caseNo: found.caseNo,
      personName: found.personName,
      version: found.version,
      visit: { kind: 'VISIT', text: text.trim(), visitedAt: checkIn.toISOString() },
      photos,
      ...(place ? { place } : {}),
    });
    notify('guanai.field.visit.saved', { type: 'success' });
    redirect('/field');
  };
  return (
    <FieldPage title="guanai.field.visit.title" back="/field/cases">
      {!found ? (
        <Alert severity="warning">{translate('guanai.field.cases.empty')}</Alert>
      ) : (
        <Stack component="form" spacing={2} onSubmit={(event) => void save(event)} noValidate>
          <Typography variant="subtitle1" data-testid="visit-case">
            {found.personName} · {found.caseNo}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {translate(`guanai.states.${found.state}`, { _: found.state })} ·{' '}
            {translate('guanai.field.visit.checkIn', { time: checkIn.toLocaleString() })}
          </Typography>
          <TextField
            label={translate('guanai.field.visit.note')}
            placeholder={translate('guanai.field.visit.noteHint')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            required
            multiline
            minRows={4}
            error={!!error}
            helperText={error}
            slotProps={{ htmlInput: { 'data-testid': 'visit-note', maxLength: 4000 } }}
          />
          <PhotoInput photos={photos} onChange={setPhotos} />
          <PlaceButton place={place} onChange={setPlace} />
          <Button type="submit" variant="contained" size="large" disabled={!db} data-testid="visit-save">
            {translate('ra.action.save')}
          </Button>
        </Stack>
      )}
    </FieldPage>
  );
}
