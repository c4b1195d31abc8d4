import { assemble, type Messages } from '../messages.ts';
import { applications } from './apply.ts';
import type { zh } from '../zh/index.ts';
import { board } from './board.ts';
import { cases } from './cases.ts';
import { common } from './common.ts';
import { demo } from './demo.ts';
import { eligibility } from './eligibility.ts';
import { exportMenu } from './exports.ts';
import { formDefs } from './formDefs.ts';
import { print } from './print.ts';
import { evaluation } from './evaluation.ts';
import { field } from './field.ts';
import { handover } from './handover.ts';
import { home } from './home.ts';
import { inbox } from './inbox.ts';
import { matching } from './matching.ts';
import { notifications } from './notifications.ts';
import { notify } from './notify.ts';
import { orgUnits } from './orgUnits.ts';
import { people } from './people.ts';
import { plans } from './plans.ts';
import { pwa } from './pwa.ts';
import { ra } from './ra.ts';
import { sla } from './sla.ts';
import { statechart } from './statechart.ts';
import { tasks } from './tasks.ts';
import { users } from './users.ts';
import { volunteers } from './volunteers.ts';

/** The admin's messages in English, assembled as zh/index.ts assembles the Chinese: a feature left out fails tsc. */
export const en: Messages<typeof zh> = {
  ra,
  ...assemble(
    common,
    tasks,
    cases,
    people,
    users,
    orgUnits,
    sla,
    board,
    notifications,
    notify,
    matching,
    evaluation,
    home,
    statechart,
    inbox,
    handover,
    demo,
    eligibility,
    pwa,
    applications,
    field,
    exportMenu,
    formDefs,
    print,
    plans,
    volunteers,
  ),
};
