import AssessmentIcon from '@mui/icons-material/Assessment';
import SummarizeIcon from '@mui/icons-material/Summarize';
import type { ReactElement } from 'react';
import { Menu, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import { useCan } from '../providers/useCan.ts';
import { KpiDashboard } from './kpis/KpiDashboard.tsx';
import meetings from './meetings/index.ts';
import { SelfReportPage } from './selfReports/SelfReportPage.tsx';
import { CaseSurveyPanel } from './survey/CaseSurveyPanel.tsx';

/** The evaluation screens' resources, registered by App.tsx (an array of <Resource key=… />). */
export const evaluationResources: ReactElement[] = [<Resource key="meetings" name="meetings" {...meetings} />];

/** The evaluation screens' custom routes, registered by App.tsx inside <CustomRoutes> (array of <Route key=… />). */
export const evaluationRoutes: ReactElement[] = [
  <Route key="kpis" path="/kpis" element={<KpiDashboard />} />,
  <Route key="self-reports" path="/self-reports" element={<SelfReportPage />} />,
];

/** The evaluation entries of the menu, shown by Layout.tsx, by the routes the user's role may call. */
export function EvaluationMenu() {
  const can = useCan();
  return (
    <>
      {can('GET /api/kpis') && (
        <Menu.Item to="/kpis" primaryText="guanai.evaluation.menu.kpis" leftIcon={<AssessmentIcon />} />
      )}
      {can('GET /api/meetings') && <Menu.ResourceItem name="meetings" primaryText="guanai.evaluation.menu.meetings" />}
      {can('POST /api/resources/:id/self-reports') && (
        <Menu.Item to="/self-reports" primaryText="guanai.evaluation.menu.selfReports" leftIcon={<SummarizeIcon />} />
      )}
    </>
  );
}

/** The evaluation part of a case page (inside the case's record context), shown by CaseShow.tsx. */
export function CaseEvaluationPanel() {
  return <CaseSurveyPanel />;
}
