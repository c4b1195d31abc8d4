import type { TTask } from '@guanai/api/types';
import { Chip, Divider, Stack, Typography } from '@mui/material';
import {
  ArrayField,
  Datagrid,
  DateField,
  FunctionField,
  Labeled,
  Show,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Link } from 'react-router-dom';
import { useDepartments } from '../evaluation/meetings/useDepartments.ts';
import { useCan } from '../providers/useCan.ts';
import { DueChip } from '../tasks/DueChip.tsx';
import { TaskHandoverButtons } from '../tasks/TaskHandoverButtons.tsx';
import { CaseTimeline } from './CaseTimeline.tsx';
import { NoteForm } from './NoteForm.tsx';
import { StateChip } from './StateChip.tsx';
import { CaseStatechart } from './statechart/CaseStatechart.tsx';
import { CaseMatchingPanel } from '../matching/index.tsx';
import { CaseEvaluationPanel } from '../evaluation/index.tsx';
import { CasePlanPanel } from '../plans/index.tsx';
import { CasePrintMenu } from '../print/index.tsx';
import { CaseReferrals } from '../eligibility/index.ts';
import type { CaseRecord } from './types.ts';
import { CaseFormAnswers } from '../forms/CaseFormAnswers.tsx';
import { CaseVolunteerAssign } from '../volunteers/index.tsx';

/** A referring department by its name (GET /api/departments), its code until the names arrive. */
function DepartmentName({ code }: { code: string }) {
  const { nameOf } = useDepartments();
  return <>{nameOf(code)}</>;
}

/**
 * 来源 with what §四(一)'s door says about it: 个人申请 (marked when it came from an online
 * application, linked for those who may read applications), 主动发现 by whom (the CASE_OPENED event
 * says as what they found the person), 转介 from a member department or the 12345 hotline's ticket.
 */
function CaseOrigin() {
  const record = useRecordContext<CaseRecord>();
  const translate = useTranslate();
  const can = useCan();
  if (!record) return null;
  const opened = record.events?.find((e) => e.type === 'CASE_OPENED')?.payload as
    { discovererKind?: string } | undefined;
  const { referral, applicationId } = record;
  const detail =
    record.origin === 'OUTREACH' && opened?.discovererKind ? (
      translate(`guanai.discovererKinds.${opened.discovererKind}`, { _: opened.discovererKind })
    ) : referral?.source === 'HOTLINE_12345' ? (
      translate('guanai.case.hotline', { ticketNo: referral.ticketNo })
    ) : referral?.source === 'DEPARTMENT' ? (
      <DepartmentName code={referral.departmentCode} />
    ) : null;
  const fromApplication = translate('guanai.case.fromApplication');
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
      <Typography component="span" variant="body2">
        {translate(`guanai.origins.${record.origin}`, { _: record.origin })}
        {detail && <> · {detail}</>}
      </Typography>
      {applicationId &&
        (can('GET /api/applications/:id') ? (
          <Chip
            size="small"
            variant="outlined"
            color="primary"
            clickable
            component={Link}
            to={`/applications/${encodeURIComponent(applicationId)}/show`}
            label={fromApplication}
          />
        ) : (
          <Chip size="small" variant="outlined" label={fromApplication} />
        ))}
    </Stack>
  );
}

function CaseDetail() {
  const record = useRecordContext<CaseRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Stack spacing={2} sx={{ p: 2 }}>
      <Typography variant="h6">
        {record.caseNo} · {record.personName}
      </Typography>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={3} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Labeled label="resources.cases.fields.state">
          <StateChip />
        </Labeled>
        <Labeled label="resources.cases.fields.personIdMasked">
          <TextField source="personIdMasked" emptyText="—" />
        </Labeled>
        <Labeled label="resources.cases.fields.origin">
          <CaseOrigin />
        </Labeled>
        <Labeled label="resources.cases.fields.owningUnitName">
          <TextField source="owningUnitName" />
        </Labeled>
        <Labeled label="resources.cases.fields.originUnitName">
          <TextField source="originUnitName" />
        </Labeled>
        <Labeled label="resources.cases.fields.createdAt">
          <DateField source="createdAt" showTime />
        </Labeled>
      </Stack>
      <Labeled label="resources.cases.fields.situation">
        <TextField source="situation" />
      </Labeled>
      {/* The case-level actions sit beside the statechart: what this user may do now, next to where the case is. */}
      <CaseStatechart />
      <CasePlanPanel />
      <CaseMatchingPanel />
      <CaseVolunteerAssign />
      <CaseReferrals />
      <CaseEvaluationPanel />
      {/* Issue 17: each defined form's answers with the version they were given with (第N版). */}
      <CaseFormAnswers />
      <Divider />
      <Typography variant="subtitle1">{translate('guanai.case.tasks')}</Typography>
      <ArrayField source="tasks">
        <Datagrid
          bulkActionButtons={false}
          rowClick={(_id, _resource, task) => `/tasks/${encodeURIComponent(String(task.id))}/show`}
          resource="tasks"
        >
          <FunctionField<TTask> source="kind" render={(t) => translate(`guanai.kinds.${t.kind}`, { _: t.kind })} />
          <FunctionField<TTask>
            source="status"
            render={(t) => translate(`guanai.status.${t.status}`, { _: t.status })}
          />
          <TextField source="unitName" />
          <TextField source="assigneeName" emptyText="—" />
          <FunctionField source="dueAt" render={() => <DueChip />} />
          {/* Issue 15: a supervisor reassigns or releases a task from here, with a reason. */}
          <TaskHandoverButtons />
        </Datagrid>
      </ArrayField>
      <Divider />
      <Typography variant="subtitle1">{translate('guanai.case.timeline')}</Typography>
      <NoteForm />
      <CaseTimeline />
    </Stack>
  );
}

function CaseTitle() {
  const record = useRecordContext<CaseRecord>();
  return <span>{record ? `${record.caseNo} · ${record.personName}` : ''}</span>;
}

export function CaseShow() {
  return (
    <Show
      title={<CaseTitle />}
      actions={
        <TopToolbar>
          <CasePrintMenu />
        </TopToolbar>
      }
    >
      <CaseDetail />
    </Show>
  );
}
