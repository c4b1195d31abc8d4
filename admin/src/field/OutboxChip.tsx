import OutboxIcon from '@mui/icons-material/Outbox';
import { Badge, IconButton, Tooltip } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { useFieldDb } from './hooks.ts';
import { useOutboxCounts } from './SyncBar.tsx';

/** In the app bar, whenever something waits or needs the worker: how many, and the way to the outbox. */
export function OutboxChip() {
  const translate = useTranslate();
  const db = useFieldDb();
  const { waiting, held } = useOutboxCounts(db);
  if (waiting + held === 0) return null;
  return (
    <Tooltip title={translate('guanai.field.waiting', { smart_count: waiting })}>
      <IconButton component={Link} to="/field/outbox" color="inherit" data-testid="outbox-chip">
        <Badge badgeContent={waiting + held} color={held > 0 ? 'error' : 'warning'}>
          <OutboxIcon />
        </Badge>
      </IconButton>
    </Tooltip>
  );
}
