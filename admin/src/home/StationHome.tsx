import type { TStationHome } from '@guanai/api/types';
import AddIcon from '@mui/icons-material/Add';
import {
  Box,
  Button,
  Chip,
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
import { useRole } from '../providers/useCan.ts';
import { FigureCard, FigureGrid, Section } from './FigureCard.tsx';
import { linkTo } from './links.ts';

const time = (iso: string) =>
  new Date(iso).toLocaleString('zh-CN', {
    timeZone: 'Asia/Shanghai', // Beijing time, wherever the browser is
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });

/** 服务站 and 网格员: register (or report) someone, and my community's cases with their state. */
export function StationHome({ home }: { home: TStationHome }) {
  const translate = useTranslate();
  const role = useRole();
  const t = (key: string) => translate(`guanai.home.station.${key}`);
  const state = (code: string) => translate(`guanai.states.${code}`, { _: code });
  return (
    <>
      <Box sx={{ mb: 3 }}>
        <Button component={Link} to="/cases/create" variant="contained" size="large" startIcon={<AddIcon />}>
          {role === 'DISCOVERER' ? t('report') : t('register')}
        </Button>
      </Box>
      {home.applicationsToVerify && (
        // §四(一) 个人申请: online applications waiting for the station to call and verify them.
        <Section title={translate('guanai.applications.menu')}>
          <FigureGrid>
            <FigureCard
              label={translate('guanai.applications.toVerify')}
              figure={home.applicationsToVerify}
              tone="warning"
            />
          </FigureGrid>
        </Section>
      )}
      <Section title={t('openCases')}>
        <FigureGrid>
          <FigureCard label={t('openCases')} figure={home.openCases} />
        </FigureGrid>
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, mt: 1.5 }} aria-label={t('byState')}>
          {home.byState.map((row) => (
            <Chip
              key={row.state}
              component={Link}
              to={linkTo(row.link)}
              clickable
              color="primary"
              variant="outlined"
              label={`${state(row.state)} ${row.value}`}
            />
          ))}
        </Box>
      </Section>
      <Section title={t('recent')}>
        {home.recent.length === 0 ? (
          <Typography color="text.secondary">{t('none')}</Typography>
        ) : (
          <Box sx={{ overflowX: 'auto' }}>
            <Table size="small" aria-label={t('recent')}>
              <TableHead>
                <TableRow>
                  <TableCell>{t('person')}</TableCell>
                  <TableCell>{t('state')}</TableCell>
                  <TableCell sx={{ display: { xs: 'none', sm: 'table-cell' } }}>{t('caseNo')}</TableCell>
                  <TableCell>{t('updatedAt')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {home.recent.map((row) => (
                  <TableRow key={row.id}>
                    <TableCell>
                      <MuiLink component={Link} to={`/cases/${row.id}/show`}>
                        {row.personName}
                      </MuiLink>
                    </TableCell>
                    <TableCell>
                      {row.status === 'CLOSED' ? translate('guanai.states.closed', { _: row.state }) : state(row.state)}
                    </TableCell>
                    <TableCell sx={{ display: { xs: 'none', sm: 'table-cell' } }}>{row.caseNo}</TableCell>
                    <TableCell>{time(row.updatedAt)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
        )}
      </Section>
    </>
  );
}
