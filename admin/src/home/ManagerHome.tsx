import type { TManagerHome } from '@guanai/api/types';
import { ORG_LEVELS } from '@guanai/workflows/vocabulary';
import {
  Box,
  Card,
  CardContent,
  Link as MuiLink,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { formatKpi, type KpiKey } from '../evaluation/kpis/kpiFormat.ts';
import { FigureCard, FigureGrid, Section } from './FigureCard.tsx';
import { linkTo } from './links.ts';
import { MapCard } from './map/MapCard.tsx';

/** The KPIs a manager looks at first (the KPI dashboard has them all). */
const HOME_KPIS: KpiKey[] = [
  'cases',
  'firstResponseHours',
  'slaCompliance',
  'resolutionRate',
  'escalationRate',
  'satisfaction',
];

function OpenCasesTable({ home }: { home: TManagerHome }) {
  const translate = useTranslate();
  const tiers = ORG_LEVELS.filter((tier) => home.openCases.some((row) => row.tier === tier));
  const states = [...new Set(home.openCases.map((row) => row.state))];
  if (states.length === 0)
    return <Typography color="text.secondary">{translate('guanai.home.manager.noOpenCases')}</Typography>;
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" aria-label={translate('guanai.home.manager.openCases')}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('guanai.home.manager.state')}</TableCell>
            {tiers.map((tier) => (
              <TableCell key={tier} align="right">
                {translate(`guanai.sla.levels.${tier}`)}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {states.map((state) => (
            <TableRow key={state}>
              <TableCell>{translate(`guanai.states.${state}`, { _: state })}</TableCell>
              {tiers.map((tier) => {
                const cell = home.openCases.find((row) => row.state === state && row.tier === tier);
                return (
                  <TableCell key={tier} align="right">
                    {cell ? (
                      <MuiLink component={Link} to={linkTo(cell.link)}>
                        {cell.value}
                      </MuiLink>
                    ) : (
                      '—'
                    )}
                  </TableCell>
                );
              })}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}

function SlaTable({ home }: { home: TManagerHome }) {
  const translate = useTranslate();
  const t = (key: string) => translate(`guanai.home.manager.${key}`);
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" aria-label={t('sla')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('tier')}</TableCell>
            <TableCell align="right">{t('openTasks')}</TableCell>
            <TableCell align="right">{t('warned')}</TableCell>
            <TableCell align="right">{t('overdue')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {home.sla.map((row) => (
            <TableRow key={row.tier}>
              <TableCell>{translate(`guanai.sla.levels.${row.tier}`)}</TableCell>
              <TableCell align="right">{row.open}</TableCell>
              <TableCell align="right">
                <MuiLink component={Link} to={linkTo(row.warned.link)} color={row.warned.value ? 'warning' : 'primary'}>
                  {row.warned.value}
                </MuiLink>
              </TableCell>
              <TableCell align="right">
                <MuiLink
                  component={Link}
                  to={linkTo(row.overdue.link)}
                  color={row.overdue.value ? 'error' : 'primary'}
                  sx={{ fontWeight: row.overdue.value ? 600 : undefined }}
                >
                  {row.overdue.value}
                </MuiLink>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}

function KpiCards({ home }: { home: TManagerHome }) {
  const translate = useTranslate();
  const { current, previous } = home.kpis;
  return (
    <FigureGrid>
      {HOME_KPIS.map((key) => (
        <Card key={key} variant="outlined">
          <CardContent sx={{ p: { xs: 1.5, sm: 2 } }}>
            <Typography variant="body2" color="text.secondary" sx={{ minHeight: '2.5em' }}>
              {translate(`guanai.evaluation.kpis.names.${key}`)}
            </Typography>
            <Typography variant="h5" component="p" sx={{ fontWeight: 600 }}>
              {formatKpi(key, current[key], translate)}
            </Typography>
            <Typography variant="caption" color="text.secondary">
              ({formatKpi(key, previous[key], translate)})
            </Typography>
          </CardContent>
        </Card>
      ))}
    </FigureGrid>
  );
}

/** 民政 (and the admin): the city or district at a glance, and the map of its districts. */
export function ManagerHome({ home }: { home: TManagerHome }) {
  const translate = useTranslate();
  const t = (key: string, options?: Record<string, unknown>) => translate(`guanai.home.manager.${key}`, options);
  return (
    <>
      <Section title={t('glance', { unit: home.unit.name })}>
        <FigureGrid>
          <FigureCard label={t('openTotal')} figure={home.openTotal} />
          {home.sla
            .filter((row) => row.tier !== 'COMMUNITY')
            .map((row) => (
              <FigureCard
                key={row.tier}
                label={`${translate(`guanai.sla.levels.${row.tier}`)} · ${t('overdue')}`}
                figure={row.overdue}
                tone="error"
              />
            ))}
        </FigureGrid>
      </Section>
      <Section title={t('kpis', { current: home.kpis.current.period, previous: home.kpis.previous.period })}>
        <KpiCards home={home} />
      </Section>
      <MapCard />
      <Box
        sx={{ display: 'grid', gap: 3, gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'repeat(2, minmax(0, 1fr))' } }}
      >
        <Section title={t('openCases')}>
          <OpenCasesTable home={home} />
        </Section>
        <Section title={t('sla')}>
          <SlaTable home={home} />
        </Section>
      </Box>
    </>
  );
}
