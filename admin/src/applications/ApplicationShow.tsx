import CreateNewFolderIcon from '@mui/icons-material/CreateNewFolder';
import FolderOpenIcon from '@mui/icons-material/FolderOpen';
import { Alert, Box, Button as MuiButton, Divider, Stack, Typography, useMediaQuery, type Theme } from '@mui/material';
import type { ReactNode } from 'react';
import { Show, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { useCan } from '../providers/useCan.ts';
import { DeclineButton } from './DeclineButton.tsx';
import { DocumentImages } from './DocumentImages.tsx';
import { RevealPhoneButton } from './RevealPhoneButton.tsx';
import { ApplicationStatusChip } from './StatusChip.tsx';
import type { ApplicationRecord } from './types.ts';

export const time = (iso: string) =>
  new Date(iso).toLocaleString('zh-CN', {
    timeZone: 'Asia/Shanghai', // Beijing time, wherever the browser is
    dateStyle: 'medium',
    timeStyle: 'short',
  });

/**
 * 受理立案 and 不予受理, for the station worker of the application's community while it waits to be verified; with
 * their words on a phone too (react-admin's Button keeps only its icon there).
 */
function DecisionButtons({ size = 'medium' }: { size?: 'medium' | 'large' }) {
  const application = useRecordContext<ApplicationRecord>();
  const can = useCan();
  const translate = useTranslate();
  if (!application || application.status !== 'SUBMITTED') return null;
  return (
    <>
      {can('POST /api/applications/:id/accept') && (
        <MuiButton
          component={Link}
          to={`/applications/${application.id}/accept`}
          variant="contained"
          size={size}
          startIcon={<CreateNewFolderIcon />}
        >
          {translate('guanai.applications.accept')}
        </MuiButton>
      )}
      {can('POST /api/applications/:id/decline') && <DeclineButton application={application} size={size} />}
    </>
  );
}

/** The person's name first: a phone's app bar has room for little more. */
function Title() {
  const application = useRecordContext<ApplicationRecord>();
  const translate = useTranslate();
  return <>{application ? `${application.name} · ${application.reference}` : translate('guanai.applications.menu')}</>;
}

/** A label and its value on one line, on a phone too. */
function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box sx={{ display: 'flex', gap: { xs: 1.5, sm: 2 }, py: 0.75, alignItems: 'baseline' }}>
      <Typography variant="body2" color="text.secondary" sx={{ width: { xs: 84, sm: 120 }, flexShrink: 0 }}>
        {label}
      </Typography>
      <Box sx={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>{children}</Box>
    </Box>
  );
}

/** What was decided: the case opened from it, or the reason the applicant reads. */
function Outcome({ application }: { application: ApplicationRecord }) {
  const translate = useTranslate();
  if (application.status === 'SUBMITTED') return null;
  const decided = application.decidedAt
    ? translate('guanai.applications.decided', {
        at: time(application.decidedAt),
        by: application.decidedBy?.name ?? '—',
      })
    : '';
  if (application.status === 'ACCEPTED')
    return (
      <Alert
        severity="success"
        action={
          application.caseId && (
            <MuiButton
              component={Link}
              to={`/cases/${application.caseId}/show`}
              color="inherit"
              size="small"
              startIcon={<FolderOpenIcon />}
            >
              {translate('guanai.applications.openCase', { caseNo: application.caseNo ?? '' })}
            </MuiButton>
          )
        }
      >
        {translate('guanai.applications.statuses.ACCEPTED')} · {decided}
      </Alert>
    );
  return (
    <Alert severity="info">
      <Typography sx={{ fontWeight: 600 }}>
        {translate('resources.applications.fields.declineReason')}：{application.declineReason}
      </Typography>
      <Typography variant="body2">{decided}</Typography>
    </Alert>
  );
}

function Details({ phone }: { phone: boolean }) {
  const application = useRecordContext<ApplicationRecord>();
  const translate = useTranslate();
  if (!application) return null;
  const field = (name: string) => translate(`resources.applications.fields.${name}`);
  return (
    <Stack spacing={2} sx={{ p: { xs: 1.5, sm: 2 } }}>
      <Outcome application={application} />
      <Box>
        <Row label={field('status')}>
          <ApplicationStatusChip status={application.status} />
        </Row>
        <Row label={field('reference')}>
          <Typography sx={{ fontFamily: 'monospace' }}>{application.reference}</Typography>
        </Row>
        <Row label={field('submittedAt')}>{time(application.submittedAt)}</Row>
        <Row label={field('community')}>{application.community.name}</Row>
        <Row label={field('name')}>
          <Typography sx={{ fontWeight: 600 }}>{application.name}</Typography>
        </Row>
        <Row label={field('applicant')}>
          {application.applicantName
            ? translate('guanai.applications.on', {
                name: application.applicantName,
                applicant: translate(`guanai.applications.applicants.${application.applicant}`),
              })
            : translate(`guanai.applications.applicants.${application.applicant}`)}
        </Row>
        <Row label={field('phone')}>
          <Box sx={{ display: 'flex', alignItems: 'center', columnGap: 1, flexWrap: 'wrap', mt: -0.5 }}>
            <Typography sx={{ fontFamily: 'monospace' }}>{application.phone}</Typography>
            <RevealPhoneButton application={application} />
          </Box>
        </Row>
      </Box>
      <Divider />
      <Box>
        <Typography variant="subtitle2" color="text.secondary" gutterBottom>
          {field('situation')}
        </Typography>
        <Typography sx={{ whiteSpace: 'pre-wrap' }}>{application.situation}</Typography>
      </Box>
      <Divider />
      <Box>
        <Typography variant="subtitle2" color="text.secondary" gutterBottom>
          {field('documents')}
        </Typography>
        <DocumentImages application={application} />
      </Box>
      {phone && application.status === 'SUBMITTED' && (
        // On a phone the decision sits under what it is about, where the thumb is after reading.
        <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 1.5 }}>
          <DecisionButtons size="large" />
        </Box>
      )}
    </Stack>
  );
}

/**
 * 网上申请: what the applicant wrote and sent, the phone to call (revealed for a reason, audited), and the station's
 * decision — 受理立案 (a case from it) or 不予受理 (a reason the applicant reads).
 */
export function ApplicationShow() {
  const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  return (
    <Show
      title={<Title />}
      actions={
        phone ? (
          false
        ) : (
          <TopToolbar sx={{ flexWrap: 'wrap' }}>
            <DecisionButtons />
          </TopToolbar>
        )
      }
    >
      <Details phone={phone} />
    </Show>
  );
}
