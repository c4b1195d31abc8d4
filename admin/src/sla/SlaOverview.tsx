import type { TSlaOverview } from '@guanai/api/types';
import { ORG_LEVELS, type OrgLevel } from '@guanai/workflows/vocabulary';
import {
  Card,
  CardContent,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Loading, Title, useTranslate } from 'react-admin';
import { api, ok } from '../providers/api.ts';

/** A row of either table (a view model): a tier has its level, a unit also its id and name. */
type Row = TSlaOverview['tiers'][number] & Partial<Pick<TSlaOverview['units'][number], 'id' | 'name'>>;

function Rows({ rows, label, heading }: { rows: Row[]; label: (row: Row) => string; heading: string }) {
  const translate = useTranslate();
  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          <TableCell>{translate(heading)}</TableCell>
          <TableCell align="right">{translate('guanai.sla.open')}</TableCell>
          <TableCell align="right">{translate('guanai.sla.warned')}</TableCell>
          <TableCell align="right">{translate('guanai.sla.overdue')}</TableCell>
          <TableCell align="right">{translate('guanai.sla.breachRate')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.id ?? row.level}>
            <TableCell>{label(row)}</TableCell>
            <TableCell align="right">{row.open}</TableCell>
            <TableCell align="right">{row.warned}</TableCell>
            <TableCell
              align="right"
              sx={{ color: row.overdue ? 'error.main' : undefined, fontWeight: row.overdue ? 600 : undefined }}
            >
              {row.overdue}
            </TableCell>
            <TableCell align="right">{(row.breachRate * 100).toFixed(1)}%</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** For managers and supervisors: SLA state per tier and per unit of their subtree. */
export function SlaOverview() {
  const translate = useTranslate();
  const [level, setLevel] = useState<OrgLevel | ''>('');
  const { data, isPending } = useQuery({
    queryKey: ['sla-overview', level],
    queryFn: () => ok(api.sla.overview.$get({ query: { level: level || undefined } })),
  });
  return (
    <Stack spacing={2} sx={{ mt: 1 }}>
      <Title title={translate('guanai.sla.title')} />
      {isPending || !data ? (
        <Loading />
      ) : (
        <>
          <Card>
            <CardContent>
              <Typography variant="h6">{translate('guanai.sla.tier')}</Typography>
              <Rows
                rows={data.tiers}
                heading="guanai.sla.tier"
                label={(row) => translate(`guanai.sla.levels.${row.level}`)}
              />
            </CardContent>
          </Card>
          <Card>
            <CardContent>
              <Stack direction="row" spacing={2} sx={{ justifyContent: 'space-between', alignItems: 'center', mb: 1 }}>
                <Typography variant="h6">{translate('guanai.sla.unit')}</Typography>
                <TextField
                  select
                  size="small"
                  value={level}
                  onChange={(e) => setLevel(e.target.value as OrgLevel | '')}
                  sx={{ width: 200, flexShrink: 0 }}
                  label={translate('guanai.sla.tier')}
                >
                  <MenuItem value="">—</MenuItem>
                  {ORG_LEVELS.map((l) => (
                    <MenuItem key={l} value={l}>
                      {translate(`guanai.sla.levels.${l}`)}
                    </MenuItem>
                  ))}
                </TextField>
              </Stack>
              <Rows rows={data.units} heading="guanai.sla.unit" label={(row) => row.name ?? ''} />
            </CardContent>
          </Card>
        </>
      )}
    </Stack>
  );
}
