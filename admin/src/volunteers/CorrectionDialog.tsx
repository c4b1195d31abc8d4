import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  Radio,
  RadioGroup,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { idempotencyKey } from '../providers/api.ts';
import { useNotifyProblem } from '../tasks/useTaskActions.ts';
import { volunteerApi } from './api.ts';
import { durationText, type HoursEntry } from './types.ts';

/** Whole, non-negative numbers typed into a box; anything else counts as 0. */
const whole = (typed: string) => (/^\d+$/.test(typed.trim()) ? Number(typed.trim()) : 0);

/**
 * 更正: a signed number of minutes and a reason, written as a new CORRECTION entry of the ledger (the ledger is never
 * changed). The total after it is shown before saving, and a correction that would take it below zero is not offered
 * (the API refuses it all the same). One Idempotency-Key per dialog: a retried save records one correction.
 */
export function CorrectionDialog({
  volunteerId,
  totalMinutes,
  entry,
  onClose,
  onSaved,
}: {
  volunteerId: string;
  totalMinutes: number;
  /** The entry corrected, when the dialog was opened from its row. */
  entry: HoursEntry | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const translate = useTranslate();
  const notify = useNotify();
  const notifyProblem = useNotifyProblem();
  const [direction, setDirection] = useState<'add' | 'subtract'>('subtract');
  const [hours, setHours] = useState('');
  const [minutes, setMinutes] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [key] = useState(idempotencyKey);
  const size = whole(hours) * 60 + whole(minutes);
  const signed = direction === 'add' ? size : -size;
  const after = totalMinutes + signed;
  const ready = size > 0 && after >= 0 && reason.trim().length >= 2 && !busy;
  const save = async () => {
    setBusy(true);
    try {
      await volunteerApi.correct(
        volunteerId,
        { minutes: signed, reason: reason.trim(), ...(entry ? { correctsId: entry.id } : {}) },
        key,
      );
      notify('guanai.volunteers.correction.saved', { type: 'success' });
      onSaved();
    } catch (error) {
      notifyProblem(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="xs" aria-labelledby="correction-title">
      <DialogTitle id="correction-title">{translate('guanai.volunteers.correction.title')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {entry && (
            <Typography>
              {translate('guanai.volunteers.correction.of', {
                date: entry.serviceDate,
                duration: durationText(entry.minutes, translate),
              })}
            </Typography>
          )}
          <RadioGroup
            row
            aria-label={translate('guanai.volunteers.correction.direction')}
            value={direction}
            onChange={(e) => setDirection(e.target.value as 'add' | 'subtract')}
          >
            <FormControlLabel
              value="subtract"
              control={<Radio />}
              label={translate('guanai.volunteers.correction.subtract')}
            />
            <FormControlLabel value="add" control={<Radio />} label={translate('guanai.volunteers.correction.add')} />
          </RadioGroup>
          <Stack direction="row" spacing={1.5}>
            <TextField
              label={translate('guanai.volunteers.correction.hours')}
              value={hours}
              onChange={(e) => setHours(e.target.value)}
              slotProps={{ htmlInput: { inputMode: 'numeric', pattern: '[0-9]*' } }}
            />
            <TextField
              label={translate('guanai.volunteers.correction.minutes')}
              value={minutes}
              onChange={(e) => setMinutes(e.target.value)}
              slotProps={{ htmlInput: { inputMode: 'numeric', pattern: '[0-9]*' } }}
            />
          </Stack>
          <TextField
            label={translate('guanai.volunteers.correction.reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            multiline
            minRows={2}
            required
            fullWidth
          />
          {size > 0 &&
            (after < 0 ? (
              <Alert severity="error">{translate('guanai.volunteers.correction.belowZero')}</Alert>
            ) : (
              <Typography data-testid="correction-preview">
                {translate('guanai.volunteers.correction.preview', { duration: durationText(after, translate) })}
              </Typography>
            ))}
          <Typography variant="body2" color="text.secondary">
            {translate('guanai.volunteers.correction.ledgerNote')}
          </Typography>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" disabled={!ready} onClick={() => void save()}>
          {translate('guanai.volunteers.correction.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
