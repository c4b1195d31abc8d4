import type { TPledge } from '@guanai/api/types';
import type { PledgeStatus } from '@guanai/workflows/vocabulary';
import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import { Alert, Button, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useRecordContext, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import type { GuanaiDataProvider } from '../../providers/dataProvider.ts';
import { useCan, useRole } from '../../providers/useCan.ts';
import { useAction } from '../../tasks/useTaskActions.ts';
import { ReasonDialog } from '../ReasonDialog.tsx';
import { yuan } from '../choices.ts';
import type { ProjectRecord } from '../types.ts';

const STATUS_COLORS: Record<PledgeStatus, 'warning' | 'success' | 'default'> = {
  PENDING: 'warning',
  ACCEPTED: 'success',
  DECLINED: 'default',
};

/** 资金 ¥2,000.00 / 名额 2 个 / 物资 20 件 / 志愿服务 8 小时. */
function usePledgeFigure() {
  const translate = useTranslate();
  return (p: TPledge) => {
    const kind = translate(`guanai.matching.pledgeKinds.${p.kind}`, { _: p.kind });
    const figure =
      p.kind === 'MONEY' && p.amount !== null
        ? yuan(p.amount)
        : p.kind === 'PLACES' && p.places !== null
          ? translate('guanai.matching.projects.figurePlaces', { n: p.places })
          : p.quantity !== null
            ? translate(`guanai.matching.projects.${p.kind === 'HOURS' ? 'figureHours' : 'figureGoods'}`, {
                n: p.quantity,
              })
            : '';
    return [kind, figure].filter(Boolean).join(' ');
  };
}

/** 接受 / 谢绝 (the owning center, while the pledge waits): accepting proposes a match; declining asks why. */
function PledgeDecision({ project, pledge }: { project: ProjectRecord; pledge: TPledge }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<GuanaiDataProvider>();
  const { busy, run } = useAction();
  const [declining, setDeclining] = useState(false);
  return (
    <>
      <Stack direction="row" spacing={1} sx={{ pt: 1 }}>
        <Button
          variant="contained"
          color="success"
          startIcon={<CheckIcon />}
          disabled={busy}
          onClick={() =>
            run(() => dataProvider.acceptPledge(project.id, pledge.id), 'guanai.matching.projects.accepted')
          }
        >
          {translate('guanai.matching.projects.accept')}
        </Button>
        <Button variant="outlined" color="warning" startIcon={<CloseIcon />} onClick={() => setDeclining(true)}>
          {translate('guanai.matching.projects.decline')}
        </Button>
      </Stack>
      <ReasonDialog
        open={declining}
        title={translate('guanai.matching.projects.declineTitle')}
        label={translate('guanai.matching.projects.declineReason')}
        onClose={() => setDeclining(false)}
        onConfirm={async (reason) => {
          const done = await run(
            () => dataProvider.declinePledge(project.id, pledge.id, reason),
            'guanai.matching.projects.declined',
          );
          if (done) setDeclining(false);
          return done;
        }}
      />
    </>
  );
}

/** One pledge: what, from which resource, the partner's words, and the center's answer (the reason of a decline, the match of an acceptance). */
function PledgeCard({ project, pledge, decide }: { project: ProjectRecord; pledge: TPledge; decide: boolean }) {
  const translate = useTranslate();
  const figure = usePledgeFigure();
  return (
    <Card variant="outlined" component="li" aria-label={`${pledge.partnerName} ${figure(pledge)}`}>
      <CardContent sx={{ '&:last-child': { pb: 2 } }}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
          <Typography variant="subtitle2" component="span">
            {pledge.partnerName}
          </Typography>
          <Chip
            size="small"
            color={STATUS_COLORS[pledge.status]}
            label={translate(`guanai.matching.pledgeStatus.${pledge.status}`, { _: pledge.status })}
          />
        </Stack>
        <Typography variant="body1" sx={{ mt: 0.5 }}>
          {figure(pledge)}
        </Typography>
        {pledge.resourceName && (
          <Typography variant="body2" color="text.secondary">
            {translate('guanai.matching.projects.fromResource', { name: pledge.resourceName })}
          </Typography>
        )}
        <Typography variant="body2" sx={{ mt: 0.5, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {pledge.message}
        </Typography>
        <Typography variant="caption" color="text.secondary" component="div">
          {new Date(pledge.createdAt).toLocaleDateString()}
        </Typography>
        {pledge.status === 'DECLINED' && pledge.declineReason && (
          <Alert severity="warning" sx={{ mt: 1 }}>
            {translate('guanai.matching.projects.reason', { reason: pledge.declineReason })}
          </Alert>
        )}
        {pledge.status === 'ACCEPTED' && pledge.matchId && (
          <Button
            component={Link}
            to={`/matches/${pledge.matchId}/show`}
            startIcon={<OpenInNewIcon />}
            sx={{ mt: 1, px: 0 }}
          >
            {translate('guanai.matching.projects.openMatch')}
          </Button>
        )}
        {decide && pledge.status === 'PENDING' && project.status === 'PUBLISHED' && (
          <PledgeDecision project={project} pledge={pledge} />
        )}
      </CardContent>
    </Card>
  );
}

/** The partners' pledges (认捐): all of them for staff, who accept or decline them; a partner sees its own and the answer. */
export function Pledges() {
  const project = useRecordContext<ProjectRecord>();
  const translate = useTranslate();
  const role = useRole();
  const can = useCan();
  if (!project) return null;
  const pledges = project.responseList ?? [];
  const decide = can('POST /api/projects/:id/responses/:responseId/accept') && !!project.caseId;
  const title = translate(
    role === 'PARTNER' ? 'guanai.matching.projects.yourResponse' : 'guanai.matching.projects.responses',
  );
  return (
    <Stack spacing={1}>
      <Typography variant="subtitle1" component="h2">
        {title}
      </Typography>
      {project.closedReason && (
        <Alert severity="info">
          {translate('guanai.matching.projects.closedBecause', {
            reason: translate(`guanai.matching.projectClosedReasons.${project.closedReason}`),
          })}
        </Alert>
      )}
      {pledges.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('guanai.matching.projects.noResponses')}
        </Typography>
      ) : (
        <Stack component="ul" spacing={1} aria-label={title} sx={{ listStyle: 'none', p: 0, m: 0 }}>
          {pledges.map((p) => (
            <PledgeCard key={p.id} project={project} pledge={p} decide={decide} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
