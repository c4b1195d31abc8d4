import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import absences from './absences/index.ts';
import applications from './applications/index.ts';
import { ApplicationAccept } from './applications/ApplicationAccept.tsx';
import { EscalationBoard } from './board/EscalationBoard.tsx';
import { HomePage } from './home/HomePage.tsx';
import cases from './cases/index.ts';
import { Layout } from './layout/Layout.tsx';
import notifications from './notifications/index.tsx';
import orgUnits from './orgUnits/index.ts';
import { RosterImport } from './orgUnits/RosterImport.tsx';
import people from './people/index.ts';
import { PeopleImport } from './people/PeopleImport.tsx';
import { authProvider } from './providers/authProvider.ts';
import { dataProvider } from './providers/dataProvider.ts';
import { i18nProvider } from './providers/i18nProvider.ts';
import { calendar, slaPolicies } from './sla/policies.tsx';
import { SlaOverview } from './sla/SlaOverview.tsx';
import tasks from './tasks/index.ts';
import { ChangePassword } from './users/ChangePassword.tsx';
import users from './users/index.ts';
import eligibilityStandards from './eligibility/index.ts';
import forms from './forms/index.ts';
import { matchingResources, matchingRoutes } from './matching/index.tsx';
import { evaluationResources, evaluationRoutes } from './evaluation/index.tsx';
import { fieldRoutes } from './field/index.tsx';
import { printRoutes } from './print/index.tsx';
import { notifyRoutes } from './notify/index.tsx';
import { volunteerResources, volunteerRoutes } from './volunteers/index.tsx';

/** The table of contents: one resource per API resource, and the supervisors' and managers' pages. */
export function App() {
  return (
    <Admin
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      layout={Layout}
      dashboard={HomePage}
      title="关爱援助 Guanai"
      disableTelemetry
      requireAuth
    >
      <Resource name="tasks" {...tasks} />
      <Resource name="cases" {...cases} />
      <Resource name="applications" {...applications}>
        <Route path=":id/accept" element={<ApplicationAccept />} />
      </Resource>
      <Resource name="people" {...people}>
        <Route path="import" element={<PeopleImport />} />
      </Resource>
      <Resource name="notifications" {...notifications} />
      <Resource name="org-units" {...orgUnits}>
        <Route path="import" element={<RosterImport />} />
      </Resource>
      <Resource name="users" {...users} />
      <Resource name="absences" {...absences} />
      <Resource name="colleagues" />
      <Resource name="sla/policies" {...slaPolicies} />
      <Resource name="sla/calendar" {...calendar} />
      <Resource name="eligibility/standards" {...eligibilityStandards} />
      <Resource name="forms" {...forms} />
      {matchingResources}
      {evaluationResources}
      {volunteerResources}
      <CustomRoutes>
        <Route path="/board" element={<EscalationBoard />} />
        <Route path="/sla" element={<SlaOverview />} />
        <Route path="/password" element={<ChangePassword />} />
        {matchingRoutes}
        {evaluationRoutes}
        {fieldRoutes}
        {notifyRoutes}
        {volunteerRoutes}
      </CustomRoutes>
      {/* Paperwork to print (A4, no menu or app bar): the case summary, the plan, the monthly ledger. */}
      <CustomRoutes noLayout>{printRoutes}</CustomRoutes>
    </Admin>
  );
}
