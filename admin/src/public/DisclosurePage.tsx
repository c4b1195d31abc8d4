import DownloadIcon from '@mui/icons-material/Download';
import {
  Alert,
  Box,
  Button,
  Chip,
  CircularProgress,
  List,
  ListItem,
  ListItemText,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
  useMediaQuery,
  type Theme,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { useFetch } from './fetchJson.ts';
import { beijing, yuan, yuanExact } from './format.ts';
import { useLang, type Translate } from './i18n.tsx';
// The API's declared answers (types only: nothing of the API is bundled).
import type { DisclosedRow, ProjectFigures, TDisclosure, TDisclosurePeriod, TPublicCampaign } from '@guanai/api/types';

type PublishedMonth = TDisclosurePeriod;

type Disclosure = TDisclosure;

/** What the address names: `#2026-10` for a month, `#2026-10/v1` for one of its versions. */
interface Selection {
  period: string | null;
  version: number | null;
}

function parseHash(hash: string): Selection {
  const match = /^#?(\d{4}-\d{2})(?:\/v(\d+))?$/.exec(hash);
  return match ? { period: match[1]!, version: match[2] ? Number(match[2]) : null } : { period: null, version: null };
}

function useSelection(): [Selection, (next: Selection) => void] {
  const [selection, setSelection] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const onHash = () => setSelection(parseHash(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const select = (next: Selection) => {
    window.location.hash = next.period ? `${next.period}${next.version ? `/v${next.version}` : ''}` : '';
    setSelection(next);
  };
  return [selection, select];
}

const versionQuery = (version: number | null) => (version ? `?version=${version}` : '');

/** Amount, hours or quantity, whichever the delivery has. */
const valueOf = (row: DisclosedRow, t: Translate) =>
  [
    row.amount !== null ? yuan(row.amount) : null,
    row.hours !== null ? t('disclosure.hours', { n: row.hours }) : null,
    row.quantity !== null ? t('disclosure.quantity', { n: row.quantity }) : null,
  ]
    .filter(Boolean)
    .join(' · ') || '—';

function Rows({ rows }: { rows: DisclosedRow[] }) {
  const { t } = useLang();
  const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const category = (row: DisclosedRow) => t(`categories.${row.category}`);
  const kind = (row: DisclosedRow) => t(`disclosure.deliveryKinds.${row.kind}`);
  if (rows.length === 0) return <Typography color="text.secondary">{t('disclosure.noRows')}</Typography>;
  if (phone) {
    return (
      <Stack spacing={1} data-testid="disclosure-rows">
        {rows.map((row, i) => (
          <Paper key={i} variant="outlined" sx={{ p: 1.5 }}>
            <Stack direction="row" sx={{ justifyContent: 'space-between', gap: 1 }}>
              <Typography sx={{ fontWeight: 600 }}>{row.recipient}</Typography>
              <Typography sx={{ fontWeight: 600 }}>{valueOf(row, t)}</Typography>
            </Stack>
            <Typography variant="body2" color="text.secondary">
              {row.township} · {category(row)} · {kind(row)}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {row.resource} · {row.month}
            </Typography>
          </Paper>
        ))}
      </Stack>
    );
  }
  return (
    <TableContainer component={Paper} variant="outlined" data-testid="disclosure-rows">
      <Table size="small">
        <TableHead>
          <TableRow>
            {(['recipient', 'township', 'category', 'resource', 'kind', 'value', 'month'] as const).map((col) => (
              <TableCell key={col} align={col === 'value' ? 'right' : 'left'}>
                {t(`disclosure.cols.${col}`)}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row, i) => (
            <TableRow key={i}>
              <TableCell>{row.recipient}</TableCell>
              <TableCell>{row.township}</TableCell>
              <TableCell>{category(row)}</TableCell>
              <TableCell>{row.resource}</TableCell>
              <TableCell>{kind(row)}</TableCell>
              <TableCell align="right">{valueOf(row, t)}</TableCell>
              <TableCell>{row.month}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

/** 募集/拨付/结余/受助人数 of each project, as of the month's end. */
/** A count below the threshold is published as "fewer than N", never as the number. */
const helpedText = (helped: number | null, threshold: number) => (helped === null ? `<${threshold}` : String(helped));

function ProjectFiguresTable({ projects, threshold }: { projects: ProjectFigures[]; threshold: number }) {
  const { t } = useLang();
  const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  if (projects.length === 0) return <Typography color="text.secondary">{t('disclosure.noProjects')}</Typography>;
  if (phone) {
    // Four figures beside a name do not fit a phone's width: one card per project, figures two by two.
    return (
      <Stack spacing={1}>
        {projects.map((p) => (
          <Paper key={p.resourceId} variant="outlined" sx={{ p: 1.5 }}>
            <Typography sx={{ fontWeight: 600, mb: 0.5 }}>{p.name}</Typography>
            <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', rowGap: 0.5, columnGap: 2 }}>
              {(['raised', 'disbursed', 'balance', 'helped'] as const).map((col) => (
                <Typography key={col} variant="body2">
                  <Box component="span" sx={{ color: 'text.secondary', mr: 1 }}>
                    {t(`disclosure.projectCols.${col}`)}
                  </Box>
                  {col === 'helped' ? helpedText(p.helped, threshold) : yuan(p[col])}
                </Typography>
              ))}
            </Box>
          </Paper>
        ))}
      </Stack>
    );
  }
  return (
    <TableContainer component={Paper} variant="outlined" sx={{ overflowX: 'auto' }}>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{t('disclosure.projectCols.name')}</TableCell>
            {(['raised', 'disbursed', 'balance', 'helped'] as const).map((col) => (
              <TableCell key={col} align="right">
                {t(`disclosure.projectCols.${col}`)}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {projects.map((p) => (
            <TableRow key={p.resourceId}>
              <TableCell>{p.name}</TableCell>
              <TableCell align="right">{yuan(p.raised)}</TableCell>
              <TableCell align="right">{yuan(p.disbursed)}</TableCell>
              <TableCell align="right">{yuan(p.balance)}</TableCell>
              <TableCell align="right">{helpedText(p.helped, threshold)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

/**
 * §四(三) 募捐: the month's refunds and reversals of donations — new entries of the ledger, listed in the
 * month they were recorded (a month already published is never edited for them).
 */
function Corrections({ corrections }: { corrections: NonNullable<Disclosure['corrections']> }) {
  const { t } = useLang();
  return (
    <>
      <Typography variant="subtitle1" component="h3">
        {t('disclosure.corrections')}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {t('disclosure.correctionsHelp')}
      </Typography>
      <List dense disablePadding data-testid="disclosure-corrections">
        {corrections.map((c, i) => (
          <ListItem key={i} divider disableGutters>
            <ListItemText
              primary={
                <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} component="span">
                  <Chip
                    size="small"
                    color="warning"
                    component="span"
                    label={t(`disclosure.correctionKinds.${c.kind}`)}
                  />
                  <span>{c.campaign}</span>
                  <strong>{yuanExact(c.amount)}</strong>
                </Stack>
              }
              secondary={t('disclosure.correctionLine', { date: c.date, receiptNo: c.receiptNo, reason: c.reason })}
            />
          </ListItem>
        ))}
      </List>
    </>
  );
}

/** 募捐公示: every campaign's money as it stands, from the ledger alone (GET /api/public/campaigns), to the fen. */
function Campaigns() {
  const { t } = useLang();
  const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const { data, error } = useFetch<TPublicCampaign[]>('/api/public/campaigns');
  if (error) return null;
  if (!data) return <CircularProgress size={20} />;
  const cols = ['target', 'raised', 'spent', 'balance'] as const;
  const beneficiary = (c: TPublicCampaign) =>
    c.beneficiary
      ? [c.beneficiary.category ? t(`categories.${c.beneficiary.category}`) : null, c.beneficiary.township]
          .filter(Boolean)
          .join(' · ')
      : t('disclosure.undirected');
  const type = (c: TPublicCampaign) => (c.type ? t(`disclosure.campaignTypes.${c.type}`) : '');
  return (
    <Stack spacing={1} data-testid="public-campaigns">
      <Typography variant="subtitle1" component="h2">
        {t('disclosure.campaigns')}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {t('disclosure.campaignsHelp')}
      </Typography>
      {data.length === 0 ? (
        <Typography color="text.secondary">{t('disclosure.noCampaigns')}</Typography>
      ) : phone ? (
        data.map((c) => (
          <Paper key={c.id} variant="outlined" sx={{ p: 1.5 }}>
            <Typography sx={{ fontWeight: 600 }}>{c.name}</Typography>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 0.5 }}>
              {type(c)} · {beneficiary(c)}
            </Typography>
            <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', rowGap: 0.5, columnGap: 2 }}>
              {cols.map((col) => (
                <Typography key={col} variant="body2">
                  <Box component="span" sx={{ color: 'text.secondary', mr: 1 }}>
                    {t(`disclosure.campaignCols.${col}`)}
                  </Box>
                  {c[col] === null ? '—' : yuanExact(c[col])}
                </Typography>
              ))}
            </Box>
          </Paper>
        ))
      ) : (
        <TableContainer component={Paper} variant="outlined" sx={{ overflowX: 'auto' }}>
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{t('disclosure.campaignCols.name')}</TableCell>
                <TableCell>{t('disclosure.campaignCols.beneficiary')}</TableCell>
                {cols.map((col) => (
                  <TableCell key={col} align="right">
                    {t(`disclosure.campaignCols.${col}`)}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {data.map((c) => (
                <TableRow key={c.id}>
                  <TableCell>
                    {c.name}（{type(c)}）
                  </TableCell>
                  <TableCell>{beneficiary(c)}</TableCell>
                  {cols.map((col) => (
                    <TableCell key={col} align="right">
                      {c[col] === null ? '—' : yuanExact(c[col])}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </Stack>
  );
}

/** Every version of the month, corrections marked; any of them can be read again. */
function Versions({ disclosure, onView }: { disclosure: Disclosure; onView: (version: number) => void }) {
  const { t, lang } = useLang();
  return (
    <>
      <Typography variant="body2" color="text.secondary">
        {t('disclosure.versionsHelp')}
      </Typography>
      <List dense disablePadding>
        {disclosure.versions.map((v) => (
          <ListItem
            key={v.version}
            divider
            disableGutters
            secondaryAction={
              v.version === disclosure.version ? (
                <Chip size="small" label={t('disclosure.viewing')} />
              ) : (
                <Button size="small" onClick={() => onView(v.version)}>
                  {t('disclosure.view')}
                </Button>
              )
            }
          >
            <ListItemText
              primary={
                <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }} component="span">
                  <span>{t('disclosure.version', { version: v.version })}</span>
                  {v.kind === 'CORRECTION' ? (
                    <Chip size="small" color="warning" label={t('disclosure.correction')} component="span" />
                  ) : (
                    <span>{t('disclosure.kinds.ORIGINAL')}</span>
                  )}
                </Stack>
              }
              secondary={[
                t('disclosure.published', { at: beijing(v.publishedAt, lang) }),
                v.reason ? t('disclosure.reason', { reason: v.reason }) : null,
                `${t('disclosure.hash')} ${v.hash.slice(0, 12)}…`,
              ]
                .filter(Boolean)
                .join(' · ')}
              sx={{ pr: 12 }}
            />
          </ListItem>
        ))}
      </List>
    </>
  );
}

function MonthView({
  selection,
  onSelect,
}: {
  selection: Selection & { period: string };
  onSelect: (next: Selection) => void;
}) {
  const { t, lang } = useLang();
  const { data, error, loading } = useFetch<Disclosure>(
    `/api/public/disclosures/${selection.period}${versionQuery(selection.version)}`,
  );
  if (loading) return <CircularProgress sx={{ m: 2 }} />;
  if (error || !data) return <Alert severity="error">{t('loadFailed')}</Alert>;
  const latest = data.versions.at(-1)?.version ?? data.version;
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="h6" component="h2">
          {t('disclosure.heading', { period: data.period })}
        </Typography>
        <Chip size="small" label={t('disclosure.version', { version: data.version })} />
        {data.kind === 'CORRECTION' && <Chip size="small" color="warning" label={t('disclosure.correction')} />}
        <Typography variant="caption" color="text.secondary">
          {t('disclosure.published', { at: beijing(data.publishedAt, lang) })}
        </Typography>
      </Stack>
      {data.version !== latest && (
        <Alert
          severity="warning"
          action={
            <Button color="inherit" size="small" onClick={() => onSelect({ period: data.period, version: null })}>
              {t('disclosure.latest')}
            </Button>
          }
        >
          {t('disclosure.older', { period: data.period, version: data.version, latest })}
        </Alert>
      )}
      {data.kind === 'CORRECTION' && data.reason && (
        <Alert severity="info">{t('disclosure.reason', { reason: data.reason })}</Alert>
      )}
      {data.suppressed > 0 && (
        <Alert severity="info" data-testid="suppression-note">
          <strong>{t('disclosure.suppressed', { threshold: data.threshold, suppressed: data.suppressed })}</strong>
          <br />
          {t('disclosure.suppressedWhy', { threshold: data.threshold })}
        </Alert>
      )}
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', gap: 1 }}>
        <Typography variant="subtitle1" component="h3">
          {t('disclosure.rows')}
        </Typography>
        <Button
          variant="outlined"
          size="small"
          startIcon={<DownloadIcon />}
          href={`/api/public/disclosures/${data.period}/csv?version=${data.version}`}
          download
        >
          {t('disclosure.csv')}
        </Button>
      </Stack>
      <Rows rows={data.rows} />
      <Typography variant="subtitle1" component="h3">
        {t('disclosure.projects')}
      </Typography>
      <ProjectFiguresTable threshold={data.threshold} projects={data.projects} />
      {data.corrections && data.corrections.length > 0 && <Corrections corrections={data.corrections} />}
      <Typography variant="subtitle1" component="h3">
        {t('disclosure.versions')}
      </Typography>
      <Versions
        disclosure={data}
        onView={(version) => onSelect({ period: data.period, version: version === latest ? null : version })}
      />
    </Stack>
  );
}

/** 过程信息公开 (§四(七)): the published months, one month's masked rows, its versions and figures. */
export function DisclosurePage() {
  const { t } = useLang();
  const [selection, select] = useSelection();
  const { data: months, error } = useFetch<PublishedMonth[]>('/api/public/disclosures');
  const period = selection.period ?? months?.[0]?.period ?? null;
  return (
    <Stack spacing={2}>
      <Typography variant="body2" color="text.secondary">
        {t('disclosure.intro')}
      </Typography>
      {error && <Alert severity="error">{t('loadFailed')}</Alert>}
      {months && months.length === 0 && <Alert severity="info">{t('disclosure.none')}</Alert>}
      {months && months.length > 0 && (
        <Box>
          <Typography variant="subtitle2" component="h2" gutterBottom>
            {t('disclosure.months')}
          </Typography>
          <Stack
            direction="row"
            spacing={1}
            useFlexGap
            sx={{ flexWrap: 'wrap' }}
            role="list"
            aria-label={t('disclosure.months')}
          >
            {months.map((m) => (
              <Chip
                key={m.period}
                role="listitem"
                label={
                  m.versions.some((v) => v.kind === 'CORRECTION')
                    ? `${m.period} · ${t('disclosure.correction')}`
                    : m.period
                }
                color={m.period === period ? 'primary' : 'default'}
                variant={m.period === period ? 'filled' : 'outlined'}
                onClick={() => select({ period: m.period, version: null })}
              />
            ))}
          </Stack>
        </Box>
      )}
      {period && (
        <MonthView
          key={`${period}/${selection.version ?? ''}`}
          selection={{ period, version: selection.period ? selection.version : null }}
          onSelect={select}
        />
      )}
      <Campaigns />
    </Stack>
  );
}
