import type { TResource } from '@guanai/api/types';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import { Divider, List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import {
  Button,
  DateField,
  FunctionField,
  Labeled,
  Show,
  TextField,
  TopToolbar,
  useGetOne,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Link } from 'react-router-dom';
import { useRole } from '../../providers/useCan.ts';
import { ProjectStatusChip } from '../chips.tsx';
import { yuan } from '../choices.ts';
import type { ProjectRecord } from '../types.ts';
import { CloseProjectButton, RespondButton } from './ProjectActions.tsx';
import { projectNeed } from './ProjectList.tsx';

/** Staff's actions on their case's project (partners have none here: they respond in the page). */
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

/** The resource a partner offered with its response, by name. */
function OfferedResource({ id }: { id: string }) {
  const translate = useTranslate();
  const { data } = useGetOne<TResource>('resources', { id });
  return data ? <>{` · ${translate('guanai.matching.projects.withResource', { name: data.name })}`}</> : null;
}

/** The partners' responses: all of them for staff; a partner sees its own. */
function Responses() {
  const project = useRecordContext<ProjectRecord>();
  const translate = useTranslate();
  const role = useRole();
  if (!project) return null;
  const responses = project.responseList ?? [];
  return (
    <Stack spacing={1}>
      <Typography variant="subtitle1">
        {translate(role === 'PARTNER' ? 'guanai.matching.projects.yourResponse' : 'guanai.matching.projects.responses')}
      </Typography>
      {responses.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('guanai.matching.projects.noResponses')}
        </Typography>
      ) : (
        <List dense disablePadding aria-label={translate('guanai.matching.projects.responses')}>
          {responses.map((r) => (
            <ListItem key={r.id} divider disableGutters>
              <ListItemText
                primary={
                  <>
                    {r.partnerName}
                    {r.amount !== null && ` · ${yuan(r.amount)}`}
                    {r.resourceId && <OfferedResource id={r.resourceId} />}
                  </>
                }
                secondary={`${r.message} · ${new Date(r.createdAt).toLocaleDateString()}`}
              />
            </ListItem>
          ))}
        </List>
      )}
    </Stack>
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
      <RespondButton />
      <Divider />
      <Responses />
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
