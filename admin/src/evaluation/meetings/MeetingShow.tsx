import type { TAgendaCase } from '@guanai/api/types';
import EventAvailableIcon from '@mui/icons-material/EventAvailable';
import { Card, CardContent, Chip, Divider, List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import {
  Form,
  Labeled,
  Link,
  minLength,
  required,
  SaveButton,
  Show,
  TextInput,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import type { GuanaiDataProvider } from '../../providers/dataProvider.ts';
import { useCan } from '../../providers/useCan.ts';
import { useNotifyProblem } from '../../tasks/useTaskActions.ts';
import type { MeetingRecord, MeetingItem } from '../types.ts';
import { when } from './MeetingList.tsx';
import { ResolutionForm } from './ResolutionForm.tsx';
import { useDepartments } from './useDepartments.ts';

function Needs({ needs }: { needs: TAgendaCase['needs'] }) {
  const translate = useTranslate();
  if (needs.length === 0) return <>—</>;
  return (
    <Stack direction="row" useFlexGap spacing={0.5} sx={{ flexWrap: 'wrap' }}>
      {needs.map((need, i) => (
        <Chip
          key={i}
          size="small"
          variant="outlined"
          label={[
            translate(`guanai.categories.${need.category}`, { _: need.category }),
            need.severity ? translate(`guanai.severities.${need.severity}`, { _: need.severity }) : null,
            need.description,
          ]
            .filter(Boolean)
            .join(' · ')}
        />
      ))}
    </Stack>
  );
}

/** One referred case: who decides needs to see where it is from, what is needed, and the situation. */
function AgendaCard({ meeting, item }: { meeting: MeetingRecord; item: TAgendaCase }) {
  const translate = useTranslate();
  const can = useCan();
  return (
    <Card variant="outlined" data-agenda={item.caseNo}>
      <CardContent>
        <Stack spacing={1.5}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
            <Typography variant="subtitle1" component="h3">
              <Link to={`/cases/${item.caseId}/show`}>{item.caseNo}</Link> · {item.personName}
            </Typography>
            {item.emergency && (
              <Chip
                size="small"
                color="error"
                variant="outlined"
                label={translate('guanai.evaluation.meetings.emergency')}
              />
            )}
          </Stack>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={3} useFlexGap sx={{ flexWrap: 'wrap' }}>
            <Labeled label="guanai.evaluation.meetings.township">
              <span>{item.township ?? '—'}</span>
            </Labeled>
            <Labeled label="guanai.evaluation.meetings.community">
              <span>{item.community}</span>
            </Labeled>
            <Labeled label="guanai.evaluation.meetings.referredAt">
              <span>{when(item.referredAt)}</span>
            </Labeled>
          </Stack>
          <Labeled label="guanai.evaluation.meetings.needs">
            <Needs needs={item.needs} />
          </Labeled>
          <Labeled label="guanai.evaluation.meetings.situation">
            <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
              {item.situation}
            </Typography>
          </Labeled>
          {can('POST /api/meetings/:id/resolutions') && meeting.status === 'SCHEDULED' && (
            <>
              <Divider />
              <ResolutionForm meetingId={meeting.id} caseId={item.caseId} departments={meeting.departments} />
            </>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
}

function ResolvedItem({ item }: { item: MeetingItem }) {
  const translate = useTranslate();
  const { nameOf } = useDepartments();
  return (
    <Card variant="outlined" data-item={item.caseNo}>
      <CardContent>
        <Typography variant="subtitle1" component="h3">
          <Link to={`/cases/${item.caseId}/show`}>{item.caseNo}</Link> · {translate('guanai.evaluation.meetings.next')}
          ：{translate(`guanai.evaluation.meetings.nexts.${item.next}`)}
        </Typography>
        <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', my: 1 }}>
          {item.resolution}
        </Typography>
        <List dense disablePadding>
          {item.actions.map((a, i) => (
            <ListItem key={i} disableGutters divider>
              <ListItemText
                primary={`${nameOf(a.department)}：${a.action}`}
                secondary={`${translate('guanai.evaluation.meetings.deadline')} ${a.deadline}`}
              />
            </ListItem>
          ))}
        </List>
        <Typography variant="caption" color="text.secondary">
          {translate('guanai.evaluation.meetings.resolvedAt')} {when(item.resolvedAt)}
        </Typography>
      </CardContent>
    </Card>
  );
}

/** 会议已召开: marks a scheduled meeting held, with its minutes. */
function HeldForm({ meetingId }: { meetingId: string }) {
  const dataProvider = useDataProvider<GuanaiDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const notifyProblem = useNotifyProblem();
  const [busy, setBusy] = useState(false);
  const submit = async (values: Record<string, unknown>) => {
    setBusy(true);
    try {
      await dataProvider.markMeetingHeld(meetingId, String(values.minutes).trim());
      notify('guanai.evaluation.meetings.heldDone', { type: 'success' });
      refresh();
    } catch (error) {
      notifyProblem(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form onSubmit={submit} defaultValues={{ minutes: '' }}>
      <TextInput
        source="minutes"
        label="guanai.evaluation.meetings.minutes"
        multiline
        minRows={3}
        fullWidth
        validate={[required(), minLength(4)]}
      />
      <SaveButton label="guanai.evaluation.meetings.markHeld" icon={<EventAvailableIcon />} disabled={busy} />
    </Form>
  );
}

function MeetingDetailView() {
  const meeting = useRecordContext<MeetingRecord>();
  const translate = useTranslate();
  const can = useCan();
  const { nameOf } = useDepartments();
  if (!meeting) return null;
  const { agenda = [], items = [] } = meeting;
  return (
    <Stack spacing={2} sx={{ p: 2 }}>
      <Typography variant="h6" component="h2">
        {meeting.title}
      </Typography>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={3} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Labeled label="resources.meetings.fields.status">
          <span>{translate(`guanai.evaluation.meetings.status.${meeting.status}`, { _: meeting.status })}</span>
        </Labeled>
        <Labeled label="resources.meetings.fields.unitName">
          <span>{meeting.unitName}</span>
        </Labeled>
        <Labeled label="resources.meetings.fields.scheduledAt">
          <span>{when(meeting.scheduledAt)}</span>
        </Labeled>
        <Labeled label="resources.meetings.fields.location">
          <span>{meeting.location ?? '—'}</span>
        </Labeled>
      </Stack>
      <Labeled label="resources.meetings.fields.departments">
        <Stack direction="row" useFlexGap spacing={0.5} sx={{ flexWrap: 'wrap' }}>
          {meeting.departments.map((code) => (
            <Chip key={code} size="small" label={nameOf(code)} />
          ))}
        </Stack>
      </Labeled>
      <Divider />
      <Typography variant="subtitle1" component="h2">
        {translate('guanai.evaluation.meetings.agenda')}
      </Typography>
      {agenda.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('guanai.evaluation.meetings.noAgenda')}
        </Typography>
      ) : (
        agenda.map((item) => <AgendaCard key={item.caseId} meeting={meeting} item={item} />)
      )}
      <Divider />
      <Typography variant="subtitle1" component="h2">
        {translate('guanai.evaluation.meetings.items')}
      </Typography>
      {items.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('guanai.evaluation.meetings.noItems')}
        </Typography>
      ) : (
        items.map((item) => <ResolvedItem key={item.id} item={item} />)
      )}
      <Divider />
      <Typography variant="subtitle1" component="h2">
        {translate('guanai.evaluation.meetings.held')}
      </Typography>
      {meeting.status === 'HELD' ? (
        <>
          <Typography variant="body2" color="text.secondary">
            {translate('guanai.evaluation.meetings.heldAt', { at: meeting.heldAt ? when(meeting.heldAt) : '—' })}
          </Typography>
          <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
            {meeting.minutes}
          </Typography>
        </>
      ) : (
        meeting.status === 'SCHEDULED' && can('POST /api/meetings/:id/held') && <HeldForm meetingId={meeting.id} />
      )}
    </Stack>
  );
}

function MeetingTitle() {
  const meeting = useRecordContext<MeetingRecord>();
  return <span>{meeting ? meeting.title : ''}</span>;
}

export function MeetingShow() {
  return (
    <Show title={<MeetingTitle />}>
      <MeetingDetailView />
    </Show>
  );
}
