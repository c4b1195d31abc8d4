import { Chip, List, ListItemButton, ListItemText, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { FieldPage } from './FieldPage.tsx';
import { useFieldDb, useLive } from './hooks.ts';
import type { CachedCase } from './db.ts';

/** 手机上的个案: the user's open cases kept on the phone, to record a visit on, with or without a signal. */
export function FieldCases() {
  const translate = useTranslate();
  const db = useFieldDb();
  const [q, setQ] = useState('');
  const cases = useLive(db, (d) => d.cases.orderBy('updatedAt').reverse().toArray(), [] as CachedCase[]);
  const shown = q.trim()
    ? cases.filter((c) => c.personName.includes(q.trim()) || c.caseNo.toLowerCase().includes(q.trim().toLowerCase()))
    : cases;
  return (
    <FieldPage title="guanai.field.cases.title">
      <TextField
        label={translate('guanai.field.cases.search')}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        size="small"
        type="search"
      />
      {cases.length === 0 ? (
        <Typography color="text.secondary">{translate('guanai.field.cases.empty')}</Typography>
      ) : (
        <List disablePadding data-testid="field-cases">
          {shown.map((c) => (
            <ListItemButton key={c.id} component={Link} to={`/field/visit/${c.id}`} divider sx={{ minHeight: 56 }}>
              <ListItemText
                primary={`${c.personName} · ${c.caseNo}`}
                secondary={`${translate(`guanai.states.${c.state}`, { _: c.state })} · ${c.originUnitName}`}
              />
              {c.emergency && <Chip size="small" color="error" label={translate('resources.cases.fields.emergency')} />}
            </ListItemButton>
          ))}
        </List>
      )}
    </FieldPage>
  );
}
