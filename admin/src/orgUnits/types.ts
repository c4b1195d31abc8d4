export const LEVELS = ['CITY', 'DISTRICT', 'TOWNSHIP', 'COMMUNITY'] as const;
export type Level = (typeof LEVELS)[number];

/** A unit of the network (三级中心、四级网络): city → district → township → village/community. */
export interface OrgUnit {
  id: string;
  code: string;
  name: string;
  level: Level;
  parentId: string | null;
  parentName: string | null;
  path: string;
  children: number;
  users: number;
  createdAt: string;
}

export const levelChoices = LEVELS.map((id) => ({ id, name: `guanai.orgLevels.${id}` }));

/** The level a unit of `level` hangs under (none for the city). */
export const parentLevel = (level: string | undefined) => {
  const i = LEVELS.indexOf(level as Level);
  return i > 0 ? LEVELS[i - 1] : undefined;
};

/** How a unit reads in pickers: name and code, so two 新华社区 in different townships can be told apart. */
export const unitText = (unit: OrgUnit | undefined) => (unit ? `${unit.name} (${unit.code})` : '');
