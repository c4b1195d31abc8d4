import type { TSupervisorHome } from '@guanai/api/types';
import { Box, Link as MuiLink, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { FigureCard, FigureGrid, Section } from './FigureCard.tsx';
import { linkTo } from './links.ts';

/** 督导: what waits for my decision, my unit's queue, and the team's load. */
export function SupervisorHome({ home }: { home: TSupervisorHome }) {
  const translate = useTranslate();
  const t = (key: string) => translate(`guanai.home.supervisor.${key}`);
  return (
    <>
      <Section title={t('approvals')}>
        <FigureGrid>
          <FigureCard label={t('planApprovals')} figure={home.planApprovals} tone="warning" />
          <FigureCard label={t('closureApprovals')} figure={home.closureApprovals} tone="warning" />
          <FigureCard label={t('escalations')} figure={home.escalations} tone="warning" />
          <FigureCard label={t('returned')} figure={home.returned} />
        </FigureGrid>
      </Section>
      <Section title={t('queue')}>
        <FigureGrid>
          <FigureCard label={t('unclaimed')} figure={home.unclaimed} />
          <FigureCard label={t('unitOverdue')} figure={home.unitOverdue} tone="error" />
        </FigureGrid>
      </Section>
      <Section title={t('team')}>
        {home.team.length === 0 ? (
          <Typography color="text.secondary">{t('noTeam')}</Typography>
        ) : (
          <Box sx={{ overflowX: 'auto' }}>
            <Table size="small" aria-label={t('team')}>
              <TableHead>
                <TableRow>
                  <TableCell>{t('member')}</TableCell>
                  <TableCell align="right">{t('openTasks')}</TableCell>
                  <TableCell align="right">{t('overdueTasks')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {home.team.map((member) => (
                  <TableRow key={member.userId}>
                    <TableCell>{member.name}</TableCell>
                    <TableCell align="right">
                      <MuiLink component={Link} to={linkTo(member.open.link)}>
                        {member.open.value}
                      </MuiLink>
                    </TableCell>
                    <TableCell align="right">
                      <MuiLink
                        component={Link}
                        to={linkTo(member.overdue.link)}
                        color={member.overdue.value ? 'error' : 'primary'}
                        sx={{ fontWeight: member.overdue.value ? 600 : undefined }}
                      >
                        {member.overdue.value}
                      </MuiLink>
                    </TableCell>
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
