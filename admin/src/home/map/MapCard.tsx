import type { MapFigure, THomeMap, TMapArea } from '@guanai/api/types';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import {
  Box,
  Button,
  Card,
  CardContent,
  Link as MuiLink,
  MenuItem,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { Loading, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { api, ok } from '../../providers/api.ts';
import { linkTo } from '../links.ts';
import { DISTRICT_CODES } from './district-codes.ts';

// ECharts and the district polygons are fetched only by those who see the map (the manager's home).
const DistrictMap = lazy(() => import('./DistrictMap.tsx'));

const POLYGON_CODES = new Set(Object.values(DISTRICT_CODES));
const percent = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(1)}%`);

function AreaTable({ map, onDrill, caption }: { map: THomeMap; onDrill?: (area: TMapArea) => void; caption: string }) {
  const translate = useTranslate();
  const t = (key: string) => translate(`guanai.home.map.${key}`);
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" aria-label={caption}>
        <TableHead>
          <TableRow>
            <TableCell>{t('area')}</TableCell>
            <TableCell align="right">{t('openCases')}</TableCell>
            <TableCell align="right">{t('overdueRate')}</TableCell>
            <TableCell align="right">{t('resolutionRate')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {map.areas.map((area) => (
            <TableRow key={area.id} data-code={area.code}>
              <TableCell>
                {onDrill ? (
                  <MuiLink component="button" type="button" onClick={() => onDrill(area)} sx={{ textAlign: 'left' }}>
                    {area.name}
                  </MuiLink>
                ) : (
                  area.name
                )}
              </TableCell>
              <TableCell align="right">
                <MuiLink component={Link} to={linkTo(area.link)}>
                  {area.open}
                </MuiLink>
              </TableCell>
              <TableCell align="right">{percent(area.overdueRate)}</TableCell>
              <TableCell align="right">{percent(area.resolutionRate)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}

/**
 * The manager's map of Chengdu: districts coloured by a chosen figure; a click on a district (or its name in the
 * table) drills into its townships, shown as a table. The functional areas, which have no polygon, are listed
 * beside the map.
 */
export function MapCard() {
  const translate = useTranslate();
  const t = (key: string, options?: Record<string, unknown>) => translate(`guanai.home.map.${key}`, options);
  const [figure, setFigure] = useState<MapFigure>('open');
  const [district, setDistrict] = useState<string | undefined>();
  const { data: map } = useQuery({
    queryKey: ['home-map', figure, district],
    queryFn: () => ok(api.home.map.$get({ query: { figure, ...(district ? { district } : {}) } })),
  });
  const drill = (area: TMapArea) => setDistrict(area.code);
  const functional = map?.level === 'DISTRICT' ? map.areas.filter((area) => !POLYGON_CODES.has(area.code)) : [];
  return (
    <Card variant="outlined" sx={{ mb: 3 }} component="section" aria-label={t('title')}>
      <CardContent>
        <Box
          sx={{
            display: 'flex',
            flexWrap: 'wrap',
            alignItems: 'center',
            justifyContent: 'space-between',
            gap: 1,
            mb: 1,
          }}
        >
          <Typography variant="h6" component="h2">
            {map?.district ? t('townships', { district: map.district.name }) : t('title')}
          </Typography>
          <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
            {district && (
              <Button startIcon={<ArrowBackIcon />} onClick={() => setDistrict(undefined)}>
                {t('back')}
              </Button>
            )}
            <TextField
              select
              size="small"
              label={t('figure')}
              value={figure}
              onChange={(e) => setFigure(e.target.value as MapFigure)}
              sx={{ width: 170 }}
              slotProps={{ select: { inputProps: { 'aria-label': t('figure') } } }}
            >
              {(map?.figures ?? ['open']).map((f) => (
                <MenuItem key={f} value={f}>
                  {t(`figures.${f}`)}
                </MenuItem>
              ))}
            </TextField>
          </Box>
        </Box>
        {map && !map.populationAvailable && (
          <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 1 }}>
            {t('noPopulation')}
          </Typography>
        )}
        {!map ? (
          <Loading loadingPrimary="guanai.home.map.loading" loadingSecondary="" />
        ) : map.level === 'TOWNSHIP' ? (
          <AreaTable map={map} caption={t('townships', { district: map.district?.name ?? '' })} />
        ) : (
          <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: '3fr 2fr' } }}>
            <Box>
              <Suspense fallback={<Loading loadingPrimary="guanai.home.map.loading" loadingSecondary="" />}>
                <DistrictMap map={map} onSelect={(code) => setDistrict(code)} />
              </Suspense>
              <Typography variant="caption" color="text.secondary">
                {t('drill')}
              </Typography>
              {functional.length > 0 && (
                <Box sx={{ mt: 2 }}>
                  <Typography variant="subtitle2">{t('functionalAreas')}</Typography>
                  <AreaTable map={{ ...map, areas: functional }} onDrill={drill} caption={t('functionalAreas')} />
                </Box>
              )}
            </Box>
            <AreaTable
              map={{ ...map, areas: map.areas.filter((area) => POLYGON_CODES.has(area.code)) }}
              onDrill={drill}
              caption={t('title')}
            />
          </Box>
        )}
      </CardContent>
    </Card>
  );
}
