import type { Kpis, TUnitKpis } from '@guanai/api/types';
import { Card, CardContent, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { chartValue, formatKpi, isRate, type KpiKey } from './kpiFormat.ts';

/** A center's name as the axis has room for (四川天府新区成都直管区 → 四川天府新区…); the tooltip gives it in full. */
const short = (name: string) => (name.length > 7 ? `${name.slice(0, 6)}…` : name);

interface KpiChartsProps {
  metric: KpiKey;
  trend: Kpis[];
  /** The centers below the chosen one, for the month. */
  below: TUnitKpis[];
  period: string;
}

/**
 * The chosen figure month by month, and across the centers below for the month. Loaded on its own
 * (React.lazy) so the chart library is fetched only by those who open the dashboard.
 */
export default function KpiCharts({ metric, trend, below, period }: KpiChartsProps) {
  const translate = useTranslate();
  const name = translate(`guanai.evaluation.kpis.names.${metric}`);
  const unit = isRate(metric) ? '%' : '';
  const tooltip = (value: unknown) => [
    formatKpi(metric, typeof value === 'number' ? (isRate(metric) ? value / 100 : value) : null, translate),
    name,
  ];
  const months = trend.map((k) => ({ period: k.period, value: chartValue(metric, k[metric]) }));
  const centers = below.map((k) => ({ name: k.unit.name, value: chartValue(metric, k[metric]) }));
  return (
    <>
      <Card variant="outlined" data-chart="trend">
        <CardContent>
          <Typography variant="subtitle1" gutterBottom>
            {translate('guanai.evaluation.kpis.trend')} · {name}
          </Typography>
          <ResponsiveContainer width="100%" height={240}>
            <LineChart data={months} margin={{ top: 8, right: 16, bottom: 0, left: -8 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="period" tick={{ fontSize: 12 }} />
              <YAxis unit={unit} tick={{ fontSize: 12 }} allowDecimals={!['cases'].includes(metric)} />
              <Tooltip formatter={tooltip} />
              <Line
                type="linear"
                dataKey="value"
                name={name}
                stroke="#1976d2"
                strokeWidth={2}
                dot={{ r: 3 }}
                isAnimationActive={false}
              />
            </LineChart>
          </ResponsiveContainer>
        </CardContent>
      </Card>
      <Card variant="outlined" data-chart="compare">
        <CardContent>
          <Typography variant="subtitle1" gutterBottom>
            {translate('guanai.evaluation.kpis.compare', { period })} · {name}
          </Typography>
          {centers.length === 0 ? (
            <Typography variant="body2" color="text.secondary">
              {translate('guanai.evaluation.kpis.noChildren')}
            </Typography>
          ) : (
            // Bars lie flat so that the centers' names stay readable on a phone.
            <ResponsiveContainer width="100%" height={Math.max(120, centers.length * 34 + 40)}>
              <BarChart data={centers} layout="vertical" margin={{ top: 0, right: 48, bottom: 0, left: 8 }}>
                <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                <XAxis type="number" unit={unit} tick={{ fontSize: 12 }} />
                <YAxis type="category" dataKey="name" width={96} tick={{ fontSize: 12 }} tickFormatter={short} />
                <Tooltip formatter={tooltip} />
                <Bar dataKey="value" name={name} fill="#2e7d32" isAnimationActive={false}>
                  <LabelList
                    dataKey="value"
                    position="right"
                    fontSize={12}
                    formatter={(v: unknown) => (typeof v === 'number' ? `${v}${unit}` : '—')}
                  />
                </Bar>
              </BarChart>
            </ResponsiveContainer>
          )}
        </CardContent>
      </Card>
    </>
  );
}
