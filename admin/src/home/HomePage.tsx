import type { THome } from '@guanai/api/types';
import { Alert, Box, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Loading, Title, useGetIdentity, useTranslate } from 'react-admin';
import { api, ok } from '../providers/api.ts';
import { useRole } from '../providers/useCan.ts';
import { VolunteerHome } from '../volunteers/index.tsx';
import { CaseworkerHome } from './CaseworkerHome.tsx';
import { ManagerHome } from './ManagerHome.tsx';
import { PartnerHome } from './PartnerHome.tsx';
import { StationHome } from './StationHome.tsx';
import { SupervisorHome } from './SupervisorHome.tsx';

function RoleHome({ home }: { home: THome }) {
  switch (home.kind) {
    case 'caseworker':
      return <CaseworkerHome home={home} />;
    case 'supervisor':
      return <SupervisorHome home={home} />;
    case 'manager':
      return <ManagerHome home={home} />;
    case 'station':
      return <StationHome home={home} />;
    case 'partner':
      return <PartnerHome home={home} />;
  }
}

/** 首页: a volunteer's is their tasks (我的任务); everyone else's, the numbers of their day. */
export function HomePage() {
  const role = useRole();
  if (role === undefined) return <Loading loadingPrimary="guanai.home.loading" loadingSecondary="" />;
  return role === 'VOLUNTEER' ? <VolunteerHome /> : <StaffHome />;
}

/** The numbers of the user's day by role, each a link to its list. */
function StaffHome() {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const { data, isError } = useQuery({ queryKey: ['home'], queryFn: () => ok(api.home.$get()) });
  return (
    <Box sx={{ mt: 1, mb: 4 }} data-home={data?.kind ?? ''}>
      <Title title={translate('guanai.home.title')} />
      {identity?.fullName && (
        <Typography variant="h5" component="h1" sx={{ mb: 2 }}>
          {translate('guanai.home.welcome', { name: identity.fullName })}
        </Typography>
      )}
      {isError ? (
        <Alert severity="error">{translate('guanai.home.failed')}</Alert>
      ) : !data ? (
        <Loading loadingPrimary="guanai.home.loading" loadingSecondary="" />
      ) : (
        <RoleHome home={data} />
      )}
    </Box>
  );
}
