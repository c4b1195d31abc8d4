import type { ReactElement } from 'react';
import { Menu, Resource } from 'react-admin';
import { useCan } from '../providers/useCan.ts';
import matches from './matches/index.ts';
import { CaseMatchingPanel as Panel } from './panel/CaseMatchingPanel.tsx';
import partners from './partners/index.ts';
import projects from './projects/index.ts';
import resources from './resources/index.ts';

/** The matching screens' resources, registered by App.tsx (an array of <Resource key=… />). */
export const matchingResources: ReactElement[] = [
  <Resource key="resources" name="resources" {...resources} />,
  <Resource key="partners" name="partners" {...partners} />,
  <Resource key="matches" name="matches" {...matches} />,
  <Resource key="projects" name="projects" {...projects} />,
];

/** The matching screens' custom routes, registered by App.tsx inside <CustomRoutes> (array of <Route key=… />). */
export const matchingRoutes: ReactElement[] = [];

/**
 * The matching entries of the menu, by the routes the role may call: 对接申请 for partners and
 * workers, the project platform, the catalogue for everyone, partner organisations for admins.
 */
export function MatchingMenu() {
  const can = useCan();
  return (
    <>
      {can('GET /api/matches') && <Menu.ResourceItem name="matches" primaryText="guanai.matching.menu.matches" />}
      {can('GET /api/projects') && <Menu.ResourceItem name="projects" primaryText="guanai.matching.menu.projects" />}
      {can('GET /api/resources') && <Menu.ResourceItem name="resources" primaryText="guanai.matching.menu.resources" />}
      {can('POST /api/partners') && <Menu.ResourceItem name="partners" primaryText="guanai.matching.menu.partners" />}
    </>
  );
}

/** The matching part of a case page (inside the case's record context), shown by CaseShow.tsx. */
export function CaseMatchingPanel() {
  return <Panel />;
}
