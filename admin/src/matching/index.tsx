import type { ReactElement } from 'react';

/** The matching screens' resources, registered by App.tsx (an array of <Resource key=… />). */
export const matchingResources: ReactElement[] = [];

/** The matching screens' custom routes, registered by App.tsx inside <CustomRoutes> (array of <Route key=… />). */
export const matchingRoutes: ReactElement[] = [];

/** The matching entries of the menu, shown by Layout.tsx. */
export function MatchingMenu() {
  return null;
}

/** The matching part of a case page (inside the case's record context), shown by CaseShow.tsx. */
export function CaseMatchingPanel() {
  return null;
}
