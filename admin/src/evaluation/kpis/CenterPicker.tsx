import type { TOrgUnit } from '@guanai/api/types';
import { ORG_LEVELS } from '@guanai/workflows/vocabulary';
import { Autocomplete, TextField } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import {
  InputHelperText,
  useDataProvider,
  useGetIdentity,
  useGetOne,
  useInput,
  useTranslate,
  type Validator,
} from 'react-admin';
import { unitText } from '../../orgUnits/types.ts';

/** Centers are the city, the districts and the townships (三级中心); communities are stations, not centers. */
const CENTER_LEVELS = ORG_LEVELS.filter((level) => level !== 'COMMUNITY');

const within = (unit: TOrgUnit, own: TOrgUnit) => unit.path === own.path || unit.path.startsWith(`${own.path}.`);

function useDebounced<T>(value: T, ms = 300): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/** The signed-in user's own unit: the default center, and the root of what they may look at. */
export function useOwnUnit(): TOrgUnit | undefined {
  const { identity } = useGetIdentity();
  const id = identity?.orgUnitId as string | undefined;
  return useGetOne<TOrgUnit>('org-units', { id: id ?? '' }, { enabled: !!id }).data;
}

/**
 * The centers in the user's jurisdiction whose name or code starts with what was typed. The org-unit
 * list filters one level at a time, so each center level below the user's is asked for and merged.
 */
function useCenters(search: string, own: TOrgUnit | undefined) {
  const dataProvider = useDataProvider();
  const q = useDebounced(search.trim());
  return useQuery({
    queryKey: ['evaluation-centers', own?.id, q],
    enabled: !!own,
    queryFn: async () => {
      const levels = CENTER_LEVELS.slice(CENTER_LEVELS.indexOf(own!.level as (typeof CENTER_LEVELS)[number]));
      const pages = await Promise.all(
        levels.map((level) =>
          dataProvider.getList<TOrgUnit>('org-units', {
            filter: { level, ...(q ? { q } : {}) },
            pagination: { page: 1, perPage: 50 },
            sort: { field: 'code', order: 'ASC' },
          }),
        ),
      );
      return pages.flatMap((page) => page.data).filter((unit) => within(unit, own!));
    },
  });
}

interface CenterPickerProps {
  value: TOrgUnit | null;
  onChange: (unit: TOrgUnit | null) => void;
  label: string;
  error?: boolean;
  helperText?: ReactNode;
  required?: boolean;
}

/** A center (city, district or township) in the user's jurisdiction, searched by name or code. */
export function CenterPicker({ value, onChange, label, error, helperText, required }: CenterPickerProps) {
  const translate = useTranslate();
  const own = useOwnUnit();
  const [search, setSearch] = useState('');
  const { data: options = [], isFetching } = useCenters(search, own);
  return (
    <Autocomplete<TOrgUnit>
      value={value}
      options={value && !options.some((o) => o.id === value.id) ? [value, ...options] : options}
      loading={isFetching}
      getOptionLabel={unitText}
      isOptionEqualToValue={(option, selected) => option.id === selected.id}
      filterOptions={(all) => all}
      onChange={(_, unit) => onChange(unit)}
      onInputChange={(_, text, reason) => setSearch(reason === 'input' ? text : '')}
      renderInput={(params) => (
        <TextField
          {...params}
          label={translate(label)}
          required={required}
          error={error}
          helperText={helperText}
          size="small"
        />
      )}
      sx={{ minWidth: 240, flex: 1 }}
    />
  );
}

/** CenterPicker as a react-admin form input holding the unit's id. */
export function CenterInput({
  source,
  label,
  validate,
}: {
  source: string;
  label: string;
  validate?: Validator | Validator[];
}) {
  const { field, fieldState, isRequired } = useInput({ source, validate });
  const [unit, setUnit] = useState<TOrgUnit | null>(null);
  return (
    <CenterPicker
      value={field.value ? unit : null}
      onChange={(next) => {
        setUnit(next);
        field.onChange(next?.id ?? null);
      }}
      label={label}
      required={isRequired}
      error={!!fieldState.error}
      helperText={fieldState.error ? <InputHelperText error={fieldState.error.message} /> : undefined}
    />
  );
}
