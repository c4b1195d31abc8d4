import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import { Divider, Stack, Typography } from '@mui/material';
import {
  Button,
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
import { ProjectStatusChip } from '../chips.tsx';
import type { ProjectRecord } from '../types.ts';
import { PledgeForm } from './PledgeForm.tsx';
import { Pledges } from './Pledges.tsx';
import { CloseProjectButton } from './ProjectActions.tsx';
import { projectNeed } from './ProjectList.tsx';

/** Staff's actions on their case's project (partners have none here: they pledge in the page). */
function Actions() {
  const project = useRecordContext<ProjectRecord>();
  if (!project?.caseId) return null;
  return (
    <TopToolbar sx={{ flexWrap: 'wrap' }}>
      <CloseProjectButton />
      {project?.caseId && (
        <Button component={Link} to={`/cases/${project.caseId}/show`} label="guanai.matching.projects.openCase">
          <OpenInNewIcon />
        </Button>
      )}
    </TopToolbar>
  );
}

function ProjectDetail() {
  const project = useRecordContext<ProjectRecord>();
  const translate = useTranslate();
  if (!project) return null;
  return (
    <Stack spacing={2} sx={{ p: 2 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
        <Typography variant="h6">{project.title}</Typography>
        <ProjectStatusChip status={project.status} />
      </Stack>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={3} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Labeled label="resources.projects.fields.category">
          <FunctionField<ProjectRecord>
            source="category"
            render={(p) => translate(`guanai.categories.${p.category}`, { _: p.category })}
          />
        </Labeled>
        <Labeled label="resources.projects.fields.townshipName">
          <FunctionField<ProjectRecord>
            source="townshipName"
            render={(p) => [p.districtName, p.townshipName].filter(Boolean).join(' ')}
          />
        </Labeled>
        <Labeled label="resources.projects.fields.need">
          <FunctionField<ProjectRecord> source="amount" render={projectNeed} />
        </Labeled>
        <Labeled label="resources.projects.fields.publishedAt">
          <DateField source="publishedAt" />
        </Labeled>
      </Stack>
      <Labeled label="resources.projects.fields.description">
        <TextField source="description" sx={{ whiteSpace: 'pre-wrap' }} />
      </Labeled>
      <PledgeForm />
      <Divider />
      <Pledges />
    </Stack>
  );
}

function ProjectTitle() {
  const project = useRecordContext<ProjectRecord>();
  return <span>{project?.title ?? ''}</span>;
}

export function ProjectShow() {
  return (
    <Show title={<ProjectTitle />} actions={<Actions />}>
      <ProjectDetail />
    </Show>
  );
}
