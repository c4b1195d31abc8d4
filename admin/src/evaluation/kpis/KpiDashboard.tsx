import type { TOrgUnit } from '@guanai/api/types';
import DownloadIcon from '@mui/icons-material/Download';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  LinearProgress,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { Title, useDataProvider, useNotify, useTranslate } from 'react-admin';
import { saveBlob } from '../../people/ExportButton.tsx';
import type { GuanaiDataProvider } from '../../providers/dataProvider.ts';
import { useCan } from '../../providers/useCan.ts';
import { useNotifyProblem } from '../../tasks/useTaskActions.ts';
import { addMonths, isMonth, lastMonth, monthsIn, thisMonth } from '../months.ts';
import { CenterPicker, useOwnUnit } from './CenterPicker.tsx';
import { KpiCards } from './KpiCards.tsx';
import { KPI_KEYS, type KpiKey } from './kpiFormat.ts';
import { PublishDisclosureButton } from './PublishDisclosureButton.tsx';
import { SupervisionScoreButton } from './SupervisionScoreButton.tsx';

const KpiCharts = lazy(() => import('./KpiCharts.tsx'));

/** The center (the caller's own without unitId) and the months of the trend, as GET /api/kpis/export reads them. */
type KpiRangeQuery = Parameters<GuanaiDataProvider['exportKpis']>[0];

/** 导出: the trend of the chosen center as the API's CSV (UTF-8 with BOM, opens in Excel). */
function ExportKpisButton({ query, disabled }: { query: KpiRangeQuery; disabled: boolean }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<GuanaiDataProvider>();
  const notify = useNotify();
  const notifyProblem = useNotifyProblem();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const { data } = await dataProvider.exportKpis(query);
      saveBlob(data.blob, data.filename);
      notify('guanai.evaluation.kpis.exported', { type: 'success' });
    } catch (error) {
      notifyProblem(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button size="small" startIcon={<DownloadIcon />} onClick={download} disabled={disabled || busy}>
      {translate('guanai.evaluation.kpis.export')}
    </Button>
  );
}

function MonthField({
  label,
  value,
  onChange,
  max,
}: {
  label: string;
  value: string;
  onChange: (month: string) => void;
  max?: string;
}) {
  const translate = useTranslate();
  return (
    <TextField
      type="month"
      size="small"
      label={translate(label)}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={!isMonth(value)}
      slotProps={{ inputLabel: { shrink: true }, htmlInput: max ? { max } : {} }}
      sx={{ width: { xs: 'calc(50% - 8px)', sm: 170 } }}
    />
  );
}

/**
 * 绩效评价 (§四(八)) for supervisors and managers: a center's KPIs for a month, the trend over months,
 * the centers below side by side, and the CSV export. Managers also score (督导评分) and publish
 * the monthly disclosure (发布公开信息) from here.
 */
export function KpiDashboard() {
  const translate = useTranslate();
  const can = useCan();
  const dataProvider = useDataProvider<GuanaiDataProvider>();
  const own = useOwnUnit();
  const [center, setCenter] = useState<TOrgUnit | null>(null);
  const [period, setPeriod] = useState(lastMonth);
  // The trend runs to the month in progress: the latest cases show there before the month ends.
  const [from, setFrom] = useState(() => addMonths(thisMonth(), -5));
  const [to, setTo] = useState(thisMonth);
  const [metric, setMetric] = useState<KpiKey>('cases');
  const unitId = center?.id;
  const rangeValid = isMonth(from) && isMonth(to) && monthsIn(from, to) >= 1 && monthsIn(from, to) <= 36;

  const kpis = useQuery({
    queryKey: ['kpis', unitId, period],
    queryFn: async () => (await dataProvider.getKpis({ unitId, period })).data,
    enabled: isMonth(period),
  });
  const compare = useQuery({
    queryKey: ['kpis-compare', unitId, period],
    queryFn: async () => (await dataProvider.compareKpis({ unitId, period })).data,
    enabled: isMonth(period),
  });
  const trend = useQuery({
    queryKey: ['kpis-trend', unitId, from, to],
    queryFn: async () => (await dataProvider.getKpiTrend({ unitId, from, to })).data,
    enabled: rangeValid,
  });
  if (!can('GET /api/kpis')) return null;
  const error = kpis.error ?? compare.error ?? trend.error;

  return (
    // A grid, not a flex column: on a phone react-admin's content box has a height, and flex items would shrink into it.
    <Box sx={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: 2, mt: 1, mb: 2 }}>
      <Title title={translate('guanai.evaluation.kpis.title')} />
      {/* Labelled buttons (react-admin's own show only their icon on a phone). */}
      <Stack direction="row" useFlexGap spacing={1} sx={{ flexWrap: 'wrap' }}>
        {can('GET /api/kpis/export') && <ExportKpisButton query={{ unitId, from, to }} disabled={!rangeValid} />}
        {can('POST /api/supervision-scores') && <SupervisionScoreButton period={period} />}
        {can('POST /api/disclosures/:period/publish') && <PublishDisclosureButton />}
      </Stack>
      <Card>
        <CardContent>
          <Stack direction="row" useFlexGap spacing={2} sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
            <CenterPicker value={center ?? own ?? null} onChange={setCenter} label="guanai.evaluation.kpis.unit" />
            <MonthField label="guanai.evaluation.kpis.period" value={period} onChange={setPeriod} max={thisMonth()} />
            <TextField
              select
              size="small"
              label={translate('guanai.evaluation.kpis.metric')}
              value={metric}
              onChange={(e) => setMetric(e.target.value as KpiKey)}
              sx={{ width: { xs: 'calc(50% - 8px)', sm: 220 } }}
            >
              {KPI_KEYS.map((key) => (
                <MenuItem key={key} value={key}>
                  {translate(`guanai.evaluation.kpis.names.${key}`)}
                </MenuItem>
              ))}
            </TextField>
            <MonthField label="guanai.evaluation.kpis.from" value={from} onChange={setFrom} />
            <MonthField label="guanai.evaluation.kpis.to" value={to} onChange={setTo} />
          </Stack>
          {!rangeValid && (
            <Typography variant="caption" color="error">
              {translate('guanai.evaluation.kpis.rangeInvalid')}
            </Typography>
          )}
        </CardContent>
      </Card>
      {error && <Alert severity="error">{(error as Error).message}</Alert>}
      {kpis.isFetching && <LinearProgress aria-label={translate('guanai.evaluation.kpis.loading')} />}
      {kpis.data && (
        <>
          <Typography variant="h6" component="h2">
            {kpis.data.unit.name} · {kpis.data.period}
          </Typography>
          <KpiCards kpis={kpis.data} />
        </>
      )}
      {trend.data && compare.data && (
        // The API lists the center itself first, then the centers below it.
        <Suspense fallback={<LinearProgress />}>
          <KpiCharts metric={metric} trend={trend.data.months} below={compare.data.slice(1)} period={period} />
        </Suspense>
      )}
    </Box>
  );
}
