import LinkIcon from '@mui/icons-material/Link';
import { Button, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useCan } from '../../providers/useCan.ts';
import { CheckChips } from '../chips.tsx';
import { remainingText } from '../resources/remaining.ts';
import type { Candidate } from '../types.ts';

const TIER_COLORS = { TOWNSHIP: 'success', DISTRICT: 'info', CITY: 'default' } as const;

/** One ranked candidate: rank, tier, what is left, and every rule it was checked against. */
export function CandidateCard({
  candidate,
  matched,
  onPropose,
}: {
  candidate: Candidate;
  matched: boolean;
  onPropose: () => void;
}) {
  const translate = useTranslate();
  const can = useCan();
  const { resource } = candidate;
  return (
    <Card variant="outlined" component="article" aria-label={resource.name}>
      <CardContent sx={{ '&:last-child': { pb: 2 } }}>
        <Stack spacing={1}>
          <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
            <Chip
              size="small"
              color="primary"
              label={translate('guanai.matching.panel.rank', { rank: candidate.rank })}
            />
            <Chip
              size="small"
              color={TIER_COLORS[candidate.tier]}
              variant="outlined"
              label={translate(`guanai.matching.tiers.${candidate.tier}`, { _: candidate.tier })}
            />
            <Typography variant="subtitle1" component="h4" sx={{ fontWeight: 600, flexGrow: 1 }}>
              {resource.name}
            </Typography>
            {matched ? (
              <Chip size="small" icon={<LinkIcon />} label={translate('guanai.matching.panel.proposed')} />
            ) : (
              can('POST /api/cases/:id/matches') && (
                <Button variant="contained" size="small" onClick={onPropose}>
                  {translate('guanai.matching.panel.propose')}
                </Button>
              )
            )}
          </Stack>
          <Typography variant="body2" color="text.secondary">
            {[
              translate(`guanai.matching.kinds.${resource.kind}`, { _: resource.kind }),
              resource.providerName,
              resource.coverageName,
              remainingText(candidate, translate),
            ].join(' · ')}
          </Typography>
          <CheckChips checks={candidate.checks} />
        </Stack>
      </CardContent>
    </Card>
  );
}
