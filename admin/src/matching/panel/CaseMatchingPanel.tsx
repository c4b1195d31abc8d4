import type { TCaseMatching } from '@guanai/api/types';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import {
  Accordion,
  AccordionDetails,
  AccordionSummary,
  Alert,
  Chip,
  Divider,
  LinearProgress,
  List,
  ListItem,
  ListItemText,
  Paper,
  Stack,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useDataProvider, useRecordContext, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import type { CaseRecord } from '../../cases/types.ts';
import type { GuanaiDataProvider } from '../../providers/dataProvider.ts';
import { problemMessage } from '../../providers/http.ts';
import { useCan } from '../../providers/useCan.ts';
import { CheckChip } from '../chips.tsx';
import { newIdempotencyKey, yuan } from '../choices.ts';
import { NeedPlanItems } from '../../plans/index.tsx';
import type { NeedMatching, ProjectRecord } from '../types.ts';
import { CandidateCard } from './CandidateCard.tsx';
import { EscalationOffer } from './EscalationOffer.tsx';
import { NeedMatches } from './NeedMatches.tsx';
import { ProposeDialog, type Proposing } from './ProposeDialog.tsx';
import { PublishButton } from './PublishButton.tsx';

/** The resources left out for a need, each with the rules it failed (closed until asked for). */
function Excluded({ excluded }: { excluded: NeedMatching['excluded'] }) {
  const translate = useTranslate();
  if (excluded.length === 0) return null;
  return (
    <Accordion
      disableGutters
      variant="outlined"
      sx={{ '&:before': { display: 'none' } }}
      slotProps={{ transition: { unmountOnExit: true } }}
    >
      <AccordionSummary expandIcon={<ExpandMoreIcon />}>
        <Typography variant="body2">
          {translate('guanai.matching.panel.excluded', { count: excluded.length })}
        </Typography>
      </AccordionSummary>
      <AccordionDetails>
        <List dense disablePadding>
          {excluded.map(({ resource, reasons }) => (
            <ListItem key={resource.id} divider disableGutters sx={{ display: 'block' }}>
              <ListItemText primary={resource.name} secondary={`${resource.providerName} · ${resource.coverageName}`} />
              <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
                {reasons.map((r, i) => (
                  <CheckChip key={`${r.code}-${i}`} check={r} />
                ))}
              </Stack>
            </ListItem>
          ))}
        </List>
      </AccordionDetails>
    </Accordion>
  );
}

function NeedSection({
  caseId,
  matching,
  project,
  onPropose,
  onChanged,
}: {
  caseId: string;
  matching: NeedMatching;
  project: ProjectRecord | undefined;
  onPropose: (p: Proposing) => void;
  onChanged: () => void;
}) {
  const translate = useTranslate();
  const { need, candidates, excluded, escalationOffered, matches } = matching;
  // A resource already proposed or accepted for this need cannot be proposed again (409 already-matched).
  const live = new Set(
    matches.filter((m) => m.status === 'PROPOSED' || m.status === 'ACCEPTED').map((m) => m.resourceId),
  );
  return (
    <Stack
      spacing={1.5}
      component="section"
      aria-label={translate('guanai.matching.panel.need', { n: need.index + 1 })}
    >
      <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
          {translate('guanai.matching.panel.need', { n: need.index + 1 })}：
          {translate(`guanai.categories.${need.category}`, { _: need.category })}
        </Typography>
        <Chip
          size="small"
          color={need.severity === 'HIGH' ? 'error' : need.severity === 'MEDIUM' ? 'warning' : 'default'}
          label={translate(`guanai.severities.${need.severity}`, { _: need.severity })}
        />
        {need.description && (
          <Typography variant="body2" color="text.secondary">
            {need.description}
          </Typography>
        )}
      </Stack>
      <NeedPlanItems category={need.category} />
      {escalationOffered && <EscalationOffer />}
      <Typography variant="subtitle2">{translate('guanai.matching.panel.candidates')}</Typography>
      {candidates.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('guanai.matching.panel.noCandidates')}
        </Typography>
      ) : (
        <Stack spacing={1}>
          {candidates.map((c) => (
            <CandidateCard
              key={c.resource.id}
              candidate={c}
              matched={live.has(c.resource.id)}
              onPropose={() =>
                onPropose({ needIndex: need.index, category: need.category, candidate: c, key: newIdempotencyKey() })
              }
            />
          ))}
        </Stack>
      )}
      <Excluded excluded={excluded} />
      <NeedMatches matches={matches} onChanged={onChanged} />
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
        {project ? (
          // A need is published once (409 already-published), whatever became of its project.
          <Chip
            component={Link}
            to={`/projects/${project.id}/show`}
            clickable
            color="info"
            variant="outlined"
            label={`${translate('guanai.matching.panel.published', { title: project.title })}（${translate(`guanai.matching.projectStatus.${project.status}`, { _: project.status })}）`}
          />
        ) : (
          <PublishButton caseId={caseId} need={need} />
        )}
      </Stack>
    </Stack>
  );
}

function Subject({ subject }: { subject: TCaseMatching['subject'] }) {
  const translate = useTranslate();
  const unknown = translate('guanai.matching.panel.unknown');
  return (
    <Typography variant="body2" color="text.secondary">
      {translate('guanai.matching.panel.subject', {
        age: subject.age === null ? unknown : translate('guanai.matching.panel.years', { age: subject.age }),
        hukou: translate(`guanai.hukou.${subject.hukou}`, { _: subject.hukou }),
        income: subject.incomePerHead === null ? unknown : yuan(subject.incomePerHead),
      })}
    </Typography>
  );
}

function MatchingPanel({ record }: { record: CaseRecord }) {
  const translate = useTranslate();
  const can = useCan();
  const dataProvider = useDataProvider<GuanaiDataProvider>();
  const [proposing, setProposing] = useState<Proposing | null>(null);
  const { data, error, isPending, refetch } = useQuery({
    queryKey: ['cases', record.id, 'matching'],
    queryFn: async () => (await dataProvider.getCaseMatching(record.id)).data,
  });
  // The list does not say which need a project publishes; each project's own record does (for staff).
  const { data: projects, refetch: refetchProjects } = useQuery({
    queryKey: ['projects', 'ofCase', record.id],
    queryFn: async () => {
      const { data: list } = await dataProvider.getList<ProjectRecord>('projects', {
        filter: { caseId: record.id },
        pagination: { page: 1, perPage: 50 },
        sort: { field: 'publishedAt', order: 'DESC' },
      });
      return Promise.all(
        list.map(async (p) => (await dataProvider.getOne<ProjectRecord>('projects', { id: p.id })).data),
      );
    },
    enabled: can('GET /api/projects'),
  });
  const changed = () => {
    void refetch();
    void refetchProjects();
  };
  return (
    <Paper
      variant="outlined"
      sx={{ p: { xs: 1.5, sm: 2 } }}
      component="section"
      aria-label={translate('guanai.matching.panel.title')}
    >
      <Stack spacing={2}>
        <Typography variant="h6" component="h2">
          {translate('guanai.matching.panel.title')}
        </Typography>
        {isPending && <LinearProgress />}
        {error && <Alert severity="error">{problemMessage(error, translate)}</Alert>}
        {data && <Subject subject={data.subject} />}
        {data?.needs.map((matching, i) => (
          <Stack key={matching.need.index} spacing={2}>
            {i > 0 && <Divider />}
            <NeedSection
              caseId={record.id}
              matching={matching}
              project={projects?.find((p) => p.needIndex === matching.need.index)}
              onPropose={setProposing}
              onChanged={changed}
            />
          </Stack>
        ))}
      </Stack>
      <ProposeDialog caseId={record.id} proposing={proposing} onClose={() => setProposing(null)} onChanged={changed} />
    </Paper>
  );
}

/**
 * 供需对接 on the case page: for caseworkers and supervisors of the owning center while the case
 * is in matching (or in delivery, whose task closes only from the ledger: a joint meeting may send a
 * case there unmatched), each need with its ranked candidates and why, the excluded and why, its
 * matches, escalation when nothing at this tier fits, and publishing the need as a project.
 */
export function CaseMatchingPanel() {
  const record = useRecordContext<CaseRecord>();
  const can = useCan();
  if (!record || (record.state !== 'matching' && record.state !== 'delivery') || !can('GET /api/cases/:id/matching'))
    return null;
  return <MatchingPanel record={record} />;
}
