import type { OrgLevel } from '@guanai/workflows/vocabulary';
import type { Labels } from '../messages.ts';

/**
 * 组织架构: the org units, their levels and importing the roster of units. Chinese is the source of truth:
 * en/orgUnits.ts is typed against this file.
 */
export const orgUnits = {
  resources: {
    'org-units': {
      name: '单位',
      fields: {
        code: '行政区划代码',
        name: '名称',
        level: '层级',
        parentId: '上级单位',
        parentName: '上级单位',
        children: '下级单位',
        users: '用户',
        createdAt: '创建时间',
        q: '搜索',
      },
    },
  },
  guanai: {
    orgLevels: {
      CITY: '市',
      DISTRICT: '区(市)县',
      TOWNSHIP: '乡镇(街道)',
      COMMUNITY: '村(社区)',
    } satisfies Labels<OrgLevel>,
    orgUnits: {
      menu: '组织架构',
      import: '导入名册',
      importTitle: '导入组织名册',
      importHelp:
        'CSV 文件，首行为 code,name,level,parent_code（12位行政区划代码、名称、层级、上级单位代码）。有任何错误时不导入任何数据。',
      chooseFile: '选择 CSV 文件',
      dryRun: '检查',
      run: '导入',
      clean: '共 %{rows} 行，全部无误，可以导入',
      bad: '%{smart_count} 处错误，未导入任何数据',
      line: '第 %{line} 行',
      imported: '已导入 %{imported} 个单位',
      codeFormat: '须为12位行政区划代码',
      parentHint: '须为上一层级的单位',
      fixed: '代码、层级和上级单位创建后不可修改',
    },
  },
};
