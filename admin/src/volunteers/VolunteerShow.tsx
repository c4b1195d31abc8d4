import { Divider, Stack, Typography } from '@mui/material';
import {
  DateField,
  FunctionField,
  Labeled,
  Show,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { useParams } from 'react-router-dom';
import { CertificateButton } from './CertificateButton.tsx';
import { DecisionButtons } from './DecisionButtons.tsx';
import { HoursLedger } from './HoursLedger.tsx';
import { VolunteerStatusChip } from './StatusChip.tsx';
import { teamNameOf, type Volunteer } from './types.ts';

const list = (values: string[] | undefined) => (values?.length ? values.join('、') : '—');

function Profile() {
  const record = useRecordContext<Volunteer>();
  const translate = useTranslate();
  // Approving and declining refresh the page's records (useAction), this one with them.
  const volunteer = record;
  if (!volunteer) return null;
  return (
    <Stack spacing={2} sx={{ p: 2 }}>
      <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="h6">{volunteer.name}</Typography>
        <VolunteerStatusChip status={volunteer.status} />
      </Stack>
      <DecisionButtons volunteer={volunteer} />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={3} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Labeled label="resources.volunteers.fields.phone">
          <TextField source="phone" />
        </Labeled>
        <Labeled label="resources.volunteers.fields.team">
          <Typography variant="body2">{teamNameOf(volunteer) ?? translate('guanai.volunteers.noTeam')}</Typography>
        </Labeled>
        <Labeled label="resources.volunteers.fields.communities">
          <Typography variant="body2">{list(volunteer.communities?.map((c) => c.name))}</Typography>
        </Labeled>
        <Labeled label="resources.volunteers.fields.createdAt">
          <DateField source="createdAt" showTime options={{ timeZone: 'Asia/Shanghai' }} />
        </Labeled>
      </Stack>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={3} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Labeled label="resources.volunteers.fields.skills">
          <Typography variant="body2">{list(volunteer.skills)}</Typography>
        </Labeled>
        <Labeled label="resources.volunteers.fields.languages">
          <Typography variant="body2">{list(volunteer.languages)}</Typography>
        </Labeled>
        <Labeled label="resources.volunteers.fields.availability">
          <Typography variant="body2">{volunteer.availability || '—'}</Typography>
        </Labeled>
      </Stack>
      {volunteer.status === 'DECLINED' && volunteer.declineReason && (
        <Labeled label="resources.volunteers.fields.declineReason">
          <FunctionField render={() => volunteer.declineReason} />
        </Labeled>
      )}
      <Divider />
      <HoursLedger volunteerId={String(volunteer.id)} />
    </Stack>
  );
}

function Actions() {
  const { id } = useParams();
  return <TopToolbar>{id && <CertificateButton volunteerId={id} />}</TopToolbar>;
}

function VolunteerTitle() {
  const record = useRecordContext<Volunteer>();
  return <span>{record?.name ?? ''}</span>;
}

/** A volunteer's profile (phone masked), the approval of a self-registration, the hours ledger and the certificate. */
export function VolunteerShow() {
  return (
    <Show title={<VolunteerTitle />} actions={<Actions />}>
      <Profile />
    </Show>
  );
}
