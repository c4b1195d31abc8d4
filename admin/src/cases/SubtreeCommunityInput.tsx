import type { TOrgUnit } from '@guanai/api/types';
import { keepPreviousData } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { AutocompleteInput, required, useGetIdentity, useGetList, useGetOne } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { unitText } from '../orgUnits/types.ts';

/**
 * The leading digits a division code (行政区划代码, 12 digits: city 4, district 6, township 9) shares with
 * every unit below it: what the list is searched by before anything is typed, so a district's first
 * page holds its own communities rather than the city's first ones.
 */
const subtreePrefix = (unit: Pick<TOrgUnit, 'code' | 'level'>) =>
  ({ CITY: unit.code.slice(0, 4), DISTRICT: unit.code.slice(0, 6), TOWNSHIP: unit.code.slice(0, 9) })[
    unit.level as 'CITY' | 'DISTRICT' | 'TOWNSHIP'
  ];

/** A unit is below another when its materialised path starts with the other's (codes have a fixed width). */
const below = (unit: TOrgUnit, top: TOrgUnit) => unit.path.startsWith(top.path) && unit.id !== top.id;

/**
 * 村/社区: the community of the signed-in user's subtree a referral concerns, where its case starts.
 * GET /api/org-units lists the whole network (divisions are public), so the choices are searched by
 * what is typed (name or code) and kept to the user's subtree here; the API refuses any other
 * (422 on communityId) all the same. A township's own communities are asked for by parent. One
 * searchable field, which a phone's keyboard handles, rather than a tree to walk.
 */
export function SubtreeCommunityInput({ source = 'communityId' }: { source?: string }) {
  const { data: identity } = useGetIdentity();
  const unitId = identity?.orgUnitId as string | undefined;
  const { data: own } = useGetOne<TOrgUnit>('org-units', { id: unitId ?? '' }, { enabled: !!unitId });
  const value = useWatch({ name: source }) as string | undefined;
  const { data: chosen } = useGetOne<TOrgUnit>('org-units', { id: value ?? '' }, { enabled: !!value });
  const [typed, setTyped] = useState('');
  const q = typed.trim() || (own?.level === 'TOWNSHIP' ? '' : own && subtreePrefix(own));
  const { data = [], isPending } = useGetList<TOrgUnit>(
    'org-units',
    {
      pagination: { page: 1, perPage: 100 },
      sort: { field: 'code', order: 'ASC' },
      filter: { level: 'COMMUNITY', ...(own?.level === 'TOWNSHIP' ? { parentId: own.id } : {}), ...(q ? { q } : {}) },
    },
    // The last answer stays while the next one is asked for, so the choices do not blink away as one types.
    { enabled: !!own, staleTime: 5 * 60_000, placeholderData: keepPreviousData },
  );
  const choices = useMemo(() => {
    if (!own) return [];
    const inSubtree = data.filter((unit) => unit.level === 'COMMUNITY' && below(unit, own));
    return chosen && !inSubtree.some((unit) => unit.id === chosen.id) ? [chosen, ...inSubtree] : inSubtree;
  }, [data, own, chosen]);
  return (
    <AutocompleteInput
      source={source}
      choices={choices}
      optionText={(unit: TOrgUnit) => unitText(unit)}
      translateChoice={false}
      setFilter={setTyped}
      isPending={!own || isPending}
      validate={required()}
      helperText="guanai.case.communityHint"
      fullWidth
    />
  );
}
