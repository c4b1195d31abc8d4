import type { Kpis } from '@guanai/api/types';
import { Box, Card, CardContent, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatKpi, kpiHint, KPI_KEYS } from './kpiFormat.ts';

/** One card per KPI: its name, the figure ("—" when there is nothing to measure), and what it counts. */
export function KpiCards({ kpis }: { kpis: Kpis }) {
  const translate = useTranslate();
  return (
    <Box sx={{ display: 'grid', gap: 1.5, gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))' }}>
      {KPI_KEYS.map((key) => (
        <Card key={key} variant="outlined" data-kpi={key}>
          <CardContent sx={{ p: 1.5, '&:last-child': { pb: 1.5 } }}>
            <Typography variant="body2" color="text.secondary">
              {translate(`guanai.evaluation.kpis.names.${key}`)}
            </Typography>
            <Typography variant="h5" component="p" sx={{ fontWeight: 600, my: 0.5 }}>
              {formatKpi(key, kpis[key], translate)}
            </Typography>
            <Typography variant="caption" color="text.secondary" component="p">
              {kpiHint(key, kpis, translate)}
            </Typography>
          </CardContent>
        </Card>
      ))}
    </Box>
  );
}
