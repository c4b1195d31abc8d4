import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import HomeWorkIcon from '@mui/icons-material/HomeWork';
import OutboxIcon from '@mui/icons-material/Outbox';
import PersonSearchIcon from '@mui/icons-material/PersonSearch';
import { Card, CardActionArea, CardContent, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { useCan, useRole } from '../providers/useCan.ts';
import { FieldPage } from './FieldPage.tsx';
import { useFieldDb, useLive } from './hooks.ts';
import { SyncBar } from './SyncBar.tsx';
import { useUnit } from './FieldSync.tsx';

function Action({
  to,
  icon,
  title,
  hint,
  testId,
}: {
  to: string;
  icon: ReactNode;
  title: string;
  hint: string;
  testId: string;
}) {
  const translate = useTranslate();
  return (
    <Card variant="outlined">
      <CardActionArea component={Link} to={to} data-testid={testId} sx={{ p: 0 }}>
        <CardContent>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
            {icon}
            <div>
              <Typography variant="subtitle1" component="div">
                {translate(title)}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                {translate(hint)}
              </Typography>
            </div>
          </Stack>
        </CardContent>
      </CardActionArea>
    </Card>
  );
}

/**
 * 外勤工作台: what a field worker does on the phone, online or not — an outreach report, a
 * self-application registered at the station, a home visit — and the outbox that sends them.
 */
export function FieldHome() {
  const translate = useTranslate();
  const db = useFieldDb();
  const can = useCan();
  const role = useRole();
  const unit = useUnit();
  const offline = useLive(
    db,
    async (d) => ({
      cases: await d.cases.count(),
      communities: ((await d.refdata.get('communities'))?.value as unknown[] | undefined)?.length ?? 0,
      fetchedAt: (await d.refdata.get('communities'))?.fetchedAt,
    }),
    { cases: 0, communities: 0, fetchedAt: undefined as string | undefined },
  );
  // Cases are opened at a community station (a referral by township staff is an online form).
  const reports = can('POST /api/cases') && unit?.level === 'COMMUNITY';
  return (
    <FieldPage title="guanai.field.title" back={null}>
      {db && <SyncBar db={db} />}
      {reports && role !== 'STATION_WORKER' && (
        <Action
          to="/field/report"
          testId="field-report"
          icon={<PersonSearchIcon color="primary" fontSize="large" />}
          title="guanai.field.actions.report"
          hint="guanai.field.actions.reportHint"
        />
      )}
      {reports && role === 'STATION_WORKER' && (
        <Action
          to="/field/application"
          testId="field-application"
          icon={<AssignmentIndIcon color="primary" fontSize="large" />}
          title="guanai.field.actions.application"
          hint="guanai.field.actions.applicationHint"
        />
      )}
      {can('POST /api/cases/:id/notes') && (
        <Action
          to="/field/cases"
          testId="field-visit"
          icon={<HomeWorkIcon color="primary" fontSize="large" />}
          title="guanai.field.actions.visit"
          hint="guanai.field.actions.visitHint"
        />
      )}
      <Action
        to="/field/outbox"
        testId="field-outbox"
        icon={<OutboxIcon color="primary" fontSize="large" />}
        title="guanai.field.actions.outbox"
        hint="guanai.field.actions.outboxHint"
      />
      <Typography variant="body2" color="text.secondary" data-testid="field-refdata">
        {offline.fetchedAt
          ? translate('guanai.field.refData', {
              cases: offline.cases,
              communities: offline.communities,
              time: new Date(offline.fetchedAt).toLocaleString(),
            })
          : translate('guanai.field.refDataNone')}
      </Typography>
    </FieldPage>
  );
}
