import type { TOrgUnit } from '@guanai/api/types';
import { ORG_LEVELS, type OrgLevel } from '@guanai/workflows/vocabulary';

// UI helpers only: a unit of the network (三级中心、四级网络: city → district → township → village/community)
// is the API's TOrgUnit (@guanai/api/types).

export const levelChoices = ORG_LEVELS.map((id) => ({ id, name: `guanai.orgLevels.${id}` }));

/** The level a unit of `level` hangs under (none for the city). */
export const parentLevel = (level: string | undefined) => {
  const i = ORG_LEVELS.indexOf(level as OrgLevel);
  return i > 0 ? ORG_LEVELS[i - 1] : undefined;
};

/** How a unit reads in pickers: name and code, so two 新华社区 in different townships can be told apart. */
export const unitText = (unit: Pick<TOrgUnit, 'name' | 'code'> | undefined) =>
  unit ? `${unit.name} (${unit.code})` : '';
