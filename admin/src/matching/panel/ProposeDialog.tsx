import {
  Alert,
  AlertTitle,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useNotify, useTranslate } from 'react-admin';
import { PlanItemPicker, usePlanItemsFor } from '../../plans/index.tsx';
import type { GuanaiDataProvider } from '../../providers/dataProvider.ts';
import { problemKey, problemMessage, type Problem } from '../../providers/http.ts';
import { useReadableReason } from '../chips.tsx';
import { yuan } from '../choices.ts';
import type { Candidate, Check } from '../types.ts';

export interface Proposing {
  needIndex: number;
  /** The need's category: §四(二) the approved plan items of that category are offered to start from. */
  category?: string;
  candidate: Candidate;
  /** One Idempotency-Key per opening of the dialog: a double click or a retry holds nothing twice. */
  key: string;
}

interface Props {
  caseId: string;
  proposing: Proposing | null;
  onClose: () => void;
  /** After a proposal, and after a 409 (what is left has changed): the panel reloads. */
  onChanged: () => void;
}

/**
 * 对接: holds places (for a resource with a capacity) or money (with a budget) for a need. A 409
 * (the last places just taken, or this resource already matched) and a 422 (no longer eligible,
 * with its reasons) stay in the dialog, worded, so the caseworker sees why.
 */
export function ProposeDialog({ caseId, proposing, onClose, onChanged }: Props) {
  const translate = useTranslate();
  const readable = useReadableReason();
  const dataProvider = useDataProvider<GuanaiDataProvider>();
  const notify = useNotify();
  const [places, setPlaces] = useState('1');
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const planItems = usePlanItemsFor(proposing?.category);
  const [planItemId, setPlanItemId] = useState<string | null>(null);
  const chosenItem = planItemId ?? planItems[0]?.id ?? '';
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ message: string; reasons: Check[] } | null>(null);
  const candidate = proposing?.candidate;
  const withPlaces = candidate?.remainingPlaces !== null && candidate?.remainingPlaces !== undefined;
  const withAmount = candidate?.remainingAmount !== null && candidate?.remainingAmount !== undefined;
  const placesValue = Number(places);
  const amountValue = Number(amount);
  const placesError =
    withPlaces &&
    (!Number.isInteger(placesValue) || placesValue < 1 || placesValue > Math.min(100, candidate!.remainingPlaces!));
  const amountError =
    withAmount &&
    (!amount.trim() ||
      !(amountValue > 0) ||
      amountValue > candidate!.remainingAmount! ||
      Math.round(amountValue * 100) !== amountValue * 100);

  const reset = () => {
    setPlaces('1');
    setAmount('');
    setNote('');
    setPlanItemId(null);
    setFailure(null);
  };
  const close = () => {
    reset();
    onClose();
  };
  const submit = async () => {
    if (!proposing || !candidate) return;
    setBusy(true);
    setFailure(null);
    try {
      const body = {
        needIndex: proposing.needIndex,
        ...(chosenItem ? { planItemId: chosenItem } : {}),
        resourceId: candidate.resource.id,
        ...(withPlaces ? { places: placesValue } : {}),
        ...(withAmount ? { amount: amountValue } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      };
      await dataProvider.proposeMatch(caseId, body, proposing.key);
      notify('guanai.matching.propose.done', { type: 'success' });
      reset();
      onClose();
      onChanged();
    } catch (error) {
      const problem = (error as { body?: Problem & { reasons?: Check[] } }).body;
      setFailure({ message: problemMessage(error, translate), reasons: problem?.reasons ?? [] });
      if (problemKey(problem) === 'capacity-exhausted' || problemKey(problem) === 'already-matched') onChanged();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open={proposing !== null} onClose={close} fullWidth maxWidth="sm">
      <DialogTitle>
        {candidate ? translate('guanai.matching.propose.title', { name: candidate.resource.name }) : ''}
      </DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {candidate && (
            <Typography variant="body2" color="text.secondary">
              {candidate.resource.providerName} · {candidate.resource.coverageName}
            </Typography>
          )}
          {failure && (
            <Alert severity="error" role="alert">
              <AlertTitle>{failure.message}</AlertTitle>
              {failure.reasons.map((r) => (
                <div key={r.code}>{readable(r.text)}</div>
              ))}
            </Alert>
          )}
          <PlanItemPicker category={proposing?.category} value={chosenItem} onChange={setPlanItemId} />
          {withPlaces && (
            <TextField
              label={translate('guanai.matching.propose.places')}
              type="number"
              value={places}
              onChange={(e) => setPlaces(e.target.value)}
              error={placesError}
              helperText={translate('guanai.matching.propose.placesHelp', { left: candidate!.remainingPlaces })}
              slotProps={{ htmlInput: { min: 1, max: Math.min(100, candidate!.remainingPlaces!), step: 1 } }}
              required
            />
          )}
          {withAmount && (
            <TextField
              label={translate('guanai.matching.propose.amount')}
              type="number"
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
              error={!!amount && amountError}
              helperText={translate('guanai.matching.propose.amountHelp', {
                amount: yuan(candidate!.remainingAmount!),
              })}
              slotProps={{ htmlInput: { min: 0.01, step: 0.01 } }}
              required
            />
          )}
          <TextField
            label={translate('guanai.matching.propose.note')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            multiline
            minRows={2}
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={close}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" onClick={submit} disabled={busy || placesError || amountError}>
          {translate('ra.action.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
