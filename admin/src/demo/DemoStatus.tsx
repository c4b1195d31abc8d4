import ScienceIcon from '@mui/icons-material/Science';
import { Alert, Box, Chip, LinearProgress, Tooltip } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslate } from 'react-admin';
import { api, ok } from '../providers/api.ts';

/** The demo's state (GET /api/demo/status): polled every few seconds while it loads, rarely after. */
function useDemoStatus() {
  const { data } = useQuery({
    queryKey: ['demo-status'],
    queryFn: () => ok(api.demo.status.$get()),
    refetchInterval: (query) => (query.state.data?.state === 'loading' ? 3_000 : 60_000),
    retry: false,
  });
  return data;
}

/** A small permanent "演示数据" marker in the bar while the database holds demo data. */
export function DemoMarker() {
  const translate = useTranslate();
  const status = useDemoStatus();
  if (!status || status.state === 'absent') return null;
  return (
    <Tooltip title={translate('guanai.demo.markerHint')}>
      <Chip
        icon={<ScienceIcon />}
        label={
          <>
            {/* A phone's bar is narrow: the short word there, the full one from sm up. */}
            <Box component="span" sx={{ display: { xs: 'none', sm: 'inline' } }}>
              {translate('guanai.demo.marker')}
            </Box>
            <Box component="span" sx={{ display: { xs: 'inline', sm: 'none' } }}>
              {translate('guanai.demo.markerShort')}
            </Box>
          </>
        }
        size="small"
        color="warning"
        data-testid="demo-marker"
        sx={{ mx: 1, flexShrink: 0 }}
      />
    </Tooltip>
  );
}

/** A banner above every page while the demo loads ("正在加载演示数据 120/300"); the system is usable meanwhile. */
export function DemoBanner() {
  const translate = useTranslate();
  const status = useDemoStatus();
  if (status?.state === 'failed')
    return (
      <Alert severity="warning" sx={{ mb: 1 }} data-testid="demo-banner">
        {translate('guanai.demo.failed', { loaded: status.loaded })}
      </Alert>
    );
  if (status?.state !== 'loading') return null;
  return (
    <Alert severity="info" icon={<ScienceIcon />} sx={{ mb: 1 }} data-testid="demo-banner">
      <Box component="span" sx={{ fontWeight: 500 }}>
        {translate('guanai.demo.loading', { loaded: status.loaded, total: status.total })}
      </Box>
      <Box component="span" sx={{ display: { xs: 'none', sm: 'inline' } }}>
        {' · '}
        {translate('guanai.demo.loadingHint')}
      </Box>
      <LinearProgress
        variant="determinate"
        value={status.total ? (100 * status.loaded) / status.total : 0}
        sx={{ mt: 1, minWidth: 200 }}
      />
    </Alert>
  );
}
