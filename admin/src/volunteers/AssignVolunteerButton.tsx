import type { TMatch } from '@guanai/api/types';
import PersonAddIcon from '@mui/icons-material/PersonAdd';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  MenuItem,
  Radio,
  RadioGroup,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useGetList, useRecordContext, useTranslate } from 'react-admin';
import { useIsTeamPartner } from './useTeams.ts';
import { beijingDay } from '../print/labels.ts';
import type { CaseRecord } from '../cases/types.ts';
import { useCan, useRole } from '../providers/useCan.ts';
import { useAction } from '../tasks/useTaskActions.ts';
import { volunteerApi } from './api.ts';
import { ASSIGNMENT_KINDS, teamNameOf, type AssignmentKind, type Volunteer } from './types.ts';

/**
 * 指派志愿者: an ACTIVE volunteer (of those the user sees: a center's, or a team's own), a kind (探访 / 服务), a day and a
 * note the volunteer reads. From a case (its caseworker or supervisor) or from an accepted match (the team's partner:
 * the API takes the case from the match). The API decides who may; the button only shows where it would.
 */
function AssignDialog({ target, onClose }: { target: { caseId: string } | { matchId: string }; onClose: () => void }) {
  const translate = useTranslate();
  const { busy, run } = useAction();
  const { data: volunteers = [], isPending } = useGetList<Volunteer>('volunteers', {
    filter: { status: 'ACTIVE' },
    sort: { field: 'name', order: 'ASC' },
    pagination: { page: 1, perPage: 100 },
  });
  const [volunteerId, setVolunteerId] = useState('');
  const [kind, setKind] = useState<AssignmentKind>('VISIT');
  const [scheduledOn, setScheduledOn] = useState(() => beijingDay(new Date().toISOString()));
  const [note, setNote] = useState('');
  const chosen = volunteers.find((v) => v.id === volunteerId);
  const save = async () => {
    const done = await run(
      () =>
        volunteerApi.assign({
          volunteerId,
          ...target,
          kind,
          scheduledOn,
          ...(note.trim() ? { note: note.trim() } : {}),
        }),
      translate('guanai.volunteers.assigned', { name: chosen?.name ?? '' }),
    );
    if (done) onClose();
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="xs" aria-labelledby="assign-title">
      <DialogTitle id="assign-title">{translate('guanai.volunteers.assignTitle')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {!isPending && volunteers.length === 0 ? (
            <Typography color="text.secondary">{translate('guanai.volunteers.noActive')}</Typography>
          ) : (
            <TextField
              select
              label={translate('guanai.volunteers.volunteer')}
              value={volunteerId}
              onChange={(e) => setVolunteerId(e.target.value)}
              required
              fullWidth
              slotProps={{ htmlInput: { 'data-testid': 'assign-volunteer' } }}
            >
              {volunteers.map((v) => (
                <MenuItem key={v.id} value={v.id}>
                  {[v.name, teamNameOf(v), v.skills.join('、')].filter(Boolean).join(' · ')}
                </MenuItem>
              ))}
            </TextField>
          )}
          <RadioGroup row value={kind} onChange={(e) => setKind(e.target.value as AssignmentKind)}>
            {ASSIGNMENT_KINDS.map((k) => (
              <FormControlLabel
                key={k}
                value={k}
                control={<Radio />}
                label={translate(`guanai.volunteers.kinds.${k}`)}
              />
            ))}
          </RadioGroup>
          <TextField
            type="date"
            label={translate('guanai.volunteers.scheduledOn')}
            value={scheduledOn}
            onChange={(e) => setScheduledOn(e.target.value)}
            required
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <TextField
            label={translate('guanai.volunteers.note')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            multiline
            minRows={2}
            fullWidth
            slotProps={{ htmlInput: { maxLength: 500 } }}
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" disabled={busy || !volunteerId || !scheduledOn} onClick={() => void save()}>
          {translate('guanai.volunteers.assign')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

function AssignButton({ target }: { target: { caseId: string } | { matchId: string } }) {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        size="small"
        variant="outlined"
        startIcon={<PersonAddIcon />}
        onClick={() => setOpen(true)}
        sx={{ alignSelf: 'flex-start' }}
      >
        {translate('guanai.volunteers.assign')}
      </Button>
      {open && <AssignDialog target={target} onClose={() => setOpen(false)} />}
    </>
  );
}

/** On a case page (inside its record): for its caseworkers and supervisors while the case is open. */
export function CaseVolunteerAssign() {
  const record = useRecordContext<CaseRecord>();
  const can = useCan();
  const role = useRole();
  if (!record || record.status === 'CLOSED' || !can('POST /api/volunteer-assignments')) return null;
  if (role !== 'CASEWORKER' && role !== 'SUPERVISOR') return null;
  return <AssignButton target={{ caseId: String(record.id) }} />;
}

/** On an accepted match's page (inside its record): for a volunteer team's partner, a volunteer of its team. */
export function MatchVolunteerAssign() {
  const match = useRecordContext<TMatch>();
  const can = useCan();
  const role = useRole();
  const team = useIsTeamPartner();
  if (!match || match.status !== 'ACCEPTED' || role !== 'PARTNER' || !can('POST /api/volunteer-assignments'))
    return null;
  if (!team) return null;
  return <AssignButton target={{ matchId: String(match.id) }} />;
}
