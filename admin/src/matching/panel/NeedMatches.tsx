import type { TMatch } from '@guanai/api/types';
import { Button, List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { MatchStatusChip } from '../chips.tsx';
import { CancelMatchButton } from '../matches/MatchDecision.tsx';
import { matchQuantity } from '../matches/quantity.ts';

/** The need's matches so far: 待接受 / 已接受 / 已拒绝（理由）/ 已撤回, each with 撤回 while it is live. */
export function NeedMatches({ matches, onChanged }: { matches: TMatch[]; onChanged: () => void }) {
  const translate = useTranslate();
  if (matches.length === 0) return null;
  return (
    <Stack spacing={0.5}>
      <Typography variant="subtitle2">{translate('guanai.matching.panel.matches')}</Typography>
      <List dense disablePadding aria-label={translate('guanai.matching.panel.matches')}>
        {matches.map((m) => (
          <ListItem key={m.id} divider disableGutters sx={{ flexWrap: 'wrap', gap: 1 }}>
            <ListItemText
              primary={`${m.resourceName} · ${m.providerName} · ${matchQuantity(m, translate)}`}
              secondary={m.note}
              sx={{ minWidth: 200 }}
            />
            <MatchStatusChip match={m} />
            <Stack direction="row" spacing={0.5}>
              <Button component={Link} to={`/matches/${m.id}/show`} size="small">
                {translate('guanai.matching.panel.open')}
              </Button>
              <CancelMatchButton match={m} onDone={onChanged} />
            </Stack>
          </ListItem>
        ))}
      </List>
    </Stack>
  );
}
