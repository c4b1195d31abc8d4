import type { ReactElement } from 'react';

/** The evaluation screens' resources, registered by App.tsx (an array of <Resource key=… />). */
export const evaluationResources: ReactElement[] = [];

/** The evaluation screens' custom routes, registered by App.tsx inside <CustomRoutes> (array of <Route key=… />). */
export const evaluationRoutes: ReactElement[] = [];

/** The evaluation entries of the menu, shown by Layout.tsx. */
export function EvaluationMenu() {
  return null;
}

/** The evaluation part of a case page (inside the case's record context), shown by CaseShow.tsx. */
export function CaseEvaluationPanel() {
  return null;
}
