import type { Messages } from '../messages.ts';
import type { orgUnits as zh } from '../zh/orgUnits.ts';

/** zh/orgUnits.ts in English: its keys exactly, as `Messages<typeof zh>` demands. */
export const orgUnits: Messages<typeof zh> = {
  resources: {
    'org-units': {
      name: 'Unit |||| Org units',
      fields: {
        code: 'Division code',
        name: 'Name',
        level: 'Level',
        parentId: 'Parent unit',
        parentName: 'Parent unit',
        children: 'Sub-units',
        users: 'Users',
        createdAt: 'Created',
        q: 'Search',
      },
    },
  },
  guanai: {
    orgLevels: {
      CITY: 'City',
      DISTRICT: 'District/county',
      TOWNSHIP: 'Township/street',
      COMMUNITY: 'Village/community',
    },
    orgUnits: {
      menu: 'Org units',
      import: 'Import roster',
      importTitle: 'Import an org roster',
      importHelp:
        'A CSV file whose first line is code,name,level,parent_code (12-digit division code, name, level, parent code). Nothing is imported while any row is wrong.',
      chooseFile: 'Choose a CSV file',
      dryRun: 'Dry run',
      run: 'Import',
      clean: '%{rows} rows, all clean: ready to import',
      bad: '%{smart_count} problem(s); nothing was imported',
      line: 'Line %{line}',
      imported: '%{imported} units imported',
      codeFormat: 'Must be a 12-digit division code',
      parentHint: 'A unit one level up',
      fixed: 'Code, level and parent cannot be changed once created',
    },
  },
};
