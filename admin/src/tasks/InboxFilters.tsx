import type { TOrgUnit } from '@guanai/api/types';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import { Autocomplete, Box, Button, Chip, MenuItem, TextField } from '@mui/material';
import { TASK_KINDS } from '@guanai/workflows/vocabulary';
import { useState } from 'react';
import { useGetList, useGetOne, useListContext, useTranslate } from 'react-admin';

/** The day-to-day flags, as chips that toggle; an overdue task is neither due today nor only nearly due. */
const FLAGS = ['dueToday', 'overdue', 'warned', 'emergency', 'unassigned'] as const;
type Flag = (typeof FLAGS)[number];
const EXCLUDES: Record<Flag, readonly string[]> = {
  dueToday: ['overdue'],
  overdue: ['dueToday', 'warned'],
  warned: ['overdue'],
  emergency: [],
  unassigned: ['assigneeId'],
};

/** 发起社区: the community a case started in, searched by name among the communities. */
function CommunityFilter({ value, onChange }: { value?: string; onChange: (id?: string) => void }) {
  const translate = useTranslate();
  const [search, setSearch] = useState('');
  const { data: options = [] } = useGetList<TOrgUnit>('org-units', {
    filter: { level: 'COMMUNITY', ...(search ? { q: search } : {}) },
    pagination: { page: 1, perPage: 30 },
    sort: { field: 'name', order: 'ASC' },
  });
  const { data: selected } = useGetOne<TOrgUnit>('org-units', { id: value ?? '' }, { enabled: !!value });
  return (
    <Autocomplete<TOrgUnit>
      size="small"
      sx={{ minWidth: 180, flex: '1 1 180px', maxWidth: 280 }}
      options={selected && !options.some((o) => o.id === selected.id) ? [selected, ...options] : options}
      value={(value && selected) || null}
      getOptionLabel={(unit) => unit.name}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      filterOptions={(all) => all}
      onInputChange={(_, text, reason) => reason === 'input' && setSearch(text)}
      onChange={(_, unit) => onChange(unit?.id)}
      renderInput={(params) => <TextField {...params} label={translate('guanai.inbox.filters.community')} />}
    />
  );
}

/**
 * The inbox's filter bar: the flags staff use every day as chips, the kind of task, the community
 * a case started in, and the order by due time (the phone's list has no column header to sort by).
 */
export function InboxFilters() {
  const { filterValues, setFilters, sort, setSort } = useListContext();
  const translate = useTranslate();
  const set = (changes: Record<string, unknown>) => {
    const next: Record<string, unknown> = { ...filterValues, ...changes };
    for (const [key, value] of Object.entries(next)) if (value === undefined || value === '') delete next[key];
    setFilters(next, {});
  };
  const toggle = (flag: Flag) => {
    const on = !filterValues[flag];
    const changes: Record<string, unknown> = { [flag]: on || undefined };
    if (on) for (const other of EXCLUDES[flag]) changes[other] = undefined;
    // Unclaimed tasks are in a unit queue, not among mine.
    if (on && flag === 'unassigned') changes.scope = 'unit';
    set(changes);
  };
  const descending = sort.field === 'dueAt' && sort.order === 'DESC';
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'center', px: 1, py: 1 }}>
      {FLAGS.map((flag) => (
        <Chip
          key={flag}
          label={translate(`guanai.inbox.filters.${flag}`)}
          color={filterValues[flag] ? (flag === 'overdue' || flag === 'emergency' ? 'error' : 'primary') : 'default'}
          variant={filterValues[flag] ? 'filled' : 'outlined'}
          onClick={() => toggle(flag)}
          aria-pressed={!!filterValues[flag]}
          role="button"
        />
      ))}
      <TextField
        select
        size="small"
        label={translate('guanai.inbox.filters.kind')}
        value={filterValues.kind ?? ''}
        onChange={(event) => set({ kind: event.target.value || undefined })}
        sx={{ minWidth: 150, flex: '0 1 180px' }}
      >
        <MenuItem value="">{translate('guanai.inbox.filters.anyKind')}</MenuItem>
        {TASK_KINDS.map((kind) => (
          <MenuItem key={kind} value={kind}>
            {translate(`guanai.kinds.${kind}`)}
          </MenuItem>
        ))}
      </TextField>
      <CommunityFilter value={filterValues.communityId} onChange={(id) => set({ communityId: id })} />
      <Button
        size="small"
        onClick={() => setSort({ field: 'dueAt', order: descending ? 'ASC' : 'DESC' })}
        startIcon={descending ? <ArrowDownwardIcon /> : <ArrowUpwardIcon />}
      >
        {translate(descending ? 'guanai.inbox.filters.sortDueDesc' : 'guanai.inbox.filters.sortDueAsc')}
      </Button>
      <Button size="small" onClick={() => setFilters({ status: 'OPEN', scope: filterValues.scope ?? 'unit' }, {})}>
        {translate('guanai.inbox.filters.clear')}
      </Button>
    </Box>
  );
}
