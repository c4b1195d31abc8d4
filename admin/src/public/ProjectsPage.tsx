import {
  Alert,
  Box,
  Card,
  CardContent,
  Chip,
  CircularProgress,
  LinearProgress,
  Stack,
  Typography,
} from '@mui/material';
import type { TOffer, TProject } from '@guanai/api/types';
import { useFetch } from './fetchJson.ts';
import { day, yuan } from './format.ts';
import { useLang } from './i18n.tsx';

/** A need published for donors (援助项目发布平台): no person, only the township and what is needed. */
type PublicProject = TProject;

type Offer = TOffer;

function Projects() {
  const { t, lang } = useLang();
  const { data, error, loading } = useFetch<PublicProject[]>('/api/public/projects');
  if (loading) return <CircularProgress />;
  if (error || !data) return <Alert severity="error">{t('loadFailed')}</Alert>;
  if (data.length === 0) return <Typography color="text.secondary">{t('projects.none')}</Typography>;
  return (
    <Stack spacing={1.5}>
      {data.map((p) => (
        <Card key={p.id} variant="outlined">
          <CardContent>
            <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 0.5 }}>
              <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
                {p.title}
              </Typography>
              <Chip size="small" label={t(`categories.${p.category}`)} />
            </Stack>
            <Typography variant="body2" color="text.secondary">
              {[p.districtName, p.townshipName].filter(Boolean).join(' · ')} ·{' '}
              {t('projects.published', { date: day(p.publishedAt, lang) })}
            </Typography>
            <Typography variant="body2" sx={{ my: 1, whiteSpace: 'pre-wrap' }}>
              {p.description}
            </Typography>
            {p.amount !== null && (
              <Typography sx={{ fontWeight: 600 }}>{t('projects.amount', { amount: yuan(p.amount) })}</Typography>
            )}
            {p.service && <Typography variant="body2">{t('projects.service', { service: p.service })}</Typography>}
          </CardContent>
        </Card>
      ))}
    </Stack>
  );
}

/** A campaign's progress: raised against its target. */
function Progress({ campaign }: { campaign: NonNullable<Offer['campaign']> }) {
  const { t } = useLang();
  const share = campaign.target > 0 ? Math.min(100, (campaign.raised / campaign.target) * 100) : 0;
  return (
    <Box sx={{ mt: 1 }}>
      <LinearProgress
        variant="determinate"
        value={share}
        sx={{ height: 8, borderRadius: 4 }}
        aria-label={t('projects.raised', { raised: yuan(campaign.raised), target: yuan(campaign.target) })}
      />
      <Typography variant="body2" sx={{ mt: 0.5 }}>
        {t('projects.raised', { raised: yuan(campaign.raised), target: yuan(campaign.target) })}
        {campaign.deadline ? ` · ${t('projects.deadline', { date: campaign.deadline })}` : ''}
      </Typography>
    </Box>
  );
}

function Offers() {
  const { t } = useLang();
  const { data, error, loading } = useFetch<Offer[]>('/api/public/offers');
  if (loading) return <CircularProgress />;
  if (error || !data) return <Alert severity="error">{t('loadFailed')}</Alert>;
  if (data.length === 0) return <Typography color="text.secondary">{t('projects.noOffers')}</Typography>;
  return (
    <Stack spacing={1.5}>
      {data.map((o) => (
        <Card key={o.id} variant="outlined">
          <CardContent>
            <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 0.5 }}>
              <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
                {o.name}
              </Typography>
              <Chip size="small" color="primary" variant="outlined" label={t(`projects.resourceKinds.${o.kind}`)} />
              {o.categories.map((c) => (
                <Chip key={c} size="small" label={t(`categories.${c}`)} />
              ))}
            </Stack>
            <Typography variant="body2" color="text.secondary">
              {t('projects.provider', { name: o.providerName })} · {t('projects.coverage', { name: o.coverageName })}
              {o.remainingPlaces !== null ? ` · ${t('projects.remaining', { n: o.remainingPlaces })}` : ''}
            </Typography>
            {o.description && (
              <Typography variant="body2" sx={{ mt: 1 }}>
                {o.description}
              </Typography>
            )}
            {o.campaign && <Progress campaign={o.campaign} />}
          </CardContent>
        </Card>
      ))}
    </Stack>
  );
}

/** 公益项目: the needs published for donors, and the programmes and campaigns under way. */
export function ProjectsPage() {
  const { t } = useLang();
  return (
    <Stack spacing={2}>
      <Typography variant="h6" component="h2">
        {t('projects.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {t('projects.intro')}
      </Typography>
      <Projects />
      <Typography variant="h6" component="h2">
        {t('projects.offers')}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {t('projects.offersIntro')}
      </Typography>
      <Offers />
    </Stack>
  );
}
