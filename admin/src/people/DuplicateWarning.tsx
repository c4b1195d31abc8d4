import type { TDuplicate } from '@guanai/api/types';
import { Alert, AlertTitle, Button, List, ListItem, ListItemText, Stack } from '@mui/material';
import { useEffect, useRef } from 'react';
import { useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import type { Problem } from '../providers/http.ts';
import { problemKey } from '../providers/http.ts';
import { useCan } from '../providers/useCan.ts';

export type DuplicateKind = 'duplicate-person' | 'possible-duplicate' | 'early';

export interface DuplicateProblem {
  kind: DuplicateKind;
  duplicates: TDuplicate[];
}

/**
 * The duplicates a 409 from POST /api/people or POST /api/cases names, or null for any other error.
 * duplicate-person (same identity number) cannot be overridden; possible-duplicate (same phone, or a
 * similar name at the same address) can, with confirmNotDuplicate.
 */
export function duplicateProblem(error: unknown): DuplicateProblem | null {
  const problem = (error as { status?: number; body?: Problem & { duplicates?: TDuplicate[] } } | undefined)?.body;
  const kind = problemKey(problem);
  if (kind !== 'duplicate-person' && kind !== 'possible-duplicate') return null;
  return { kind, duplicates: problem?.duplicates ?? [] };
}

interface Props {
  problem: DuplicateProblem;
  /** possible-duplicate: the worker says it is someone else and registers anyway. */
  onNotSame?: () => void;
  /** Registering a case: use this existing record instead of a new one. */
  onUseExisting?: (id: string) => void;
  disabled?: boolean;
}

/**
 * The records a new person may duplicate, each with why it matched and a link to it. Records outside
 * the caller's jurisdiction come with no id and a masked name: they can be reported, not opened.
 */
export function DuplicateWarning({ problem, onNotSame, onUseExisting, disabled }: Props) {
  const translate = useTranslate();
  const can = useCan();
  const ref = useRef<HTMLDivElement>(null);
  const blocking = problem.kind !== 'early';
  useEffect(() => {
    if (blocking) ref.current?.scrollIntoView?.({ behavior: 'smooth', block: 'center' });
  }, [problem, blocking]);
  const mayOpen = can('GET /api/people/:id');
  return (
    <Alert
      ref={ref}
      severity={problem.kind === 'duplicate-person' ? 'error' : 'warning'}
      sx={{ width: '100%', boxSizing: 'border-box', mb: 2 }}
      role="alert"
    >
      <AlertTitle>{translate(`guanai.duplicates.${problem.kind}`)}</AlertTitle>
      <List dense disablePadding>
        {problem.duplicates.map((d, i) => (
          <ListItem key={d.id ?? i} disableGutters sx={{ flexWrap: 'wrap', gap: 1 }}>
            <ListItemText
              primary={`${d.name} · ${d.idNumberMasked ?? '—'} · ${d.communityName ?? '—'}`}
              secondary={`${translate(`guanai.duplicates.match.${d.match}`, { _: d.match })}${d.id === null ? ` · ${translate('guanai.duplicates.outside')}` : ''}`}
            />
            {d.id !== null && (
              <Stack direction="row" spacing={1}>
                {mayOpen && (
                  <Button size="small" component={Link} to={`/people/${d.id}/show`}>
                    {translate('guanai.duplicates.open')}
                  </Button>
                )}
                {onUseExisting && (
                  <Button size="small" variant="contained" disabled={disabled} onClick={() => onUseExisting(d.id!)}>
                    {translate('guanai.duplicates.useExisting')}
                  </Button>
                )}
              </Stack>
            )}
          </ListItem>
        ))}
      </List>
      {problem.kind === 'possible-duplicate' && onNotSame && (
        <Button variant="outlined" color="warning" disabled={disabled} onClick={onNotSame} sx={{ mt: 1 }}>
          {translate('guanai.duplicates.notSame')}
        </Button>
      )}
    </Alert>
  );
}
