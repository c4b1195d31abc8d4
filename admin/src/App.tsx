import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import { EscalationBoard } from './board/EscalationBoard.tsx';
import cases from './cases/index.ts';
import { Layout } from './layout/Layout.tsx';
import notifications from './notifications/index.tsx';
import { authProvider } from './providers/authProvider.ts';
import { dataProvider } from './providers/dataProvider.ts';
import { i18nProvider } from './providers/i18nProvider.ts';
import { calendar, slaPolicies } from './sla/policies.tsx';
import { SlaOverview } from './sla/SlaOverview.tsx';
import tasks from './tasks/index.ts';

/** The table of contents: one resource per API resource, and the supervisors' and managers' pages. */
export function App() {
  return (
    <Admin dataProvider={dataProvider} authProvider={authProvider} i18nProvider={i18nProvider} layout={Layout} title="关爱援助 Guanai" disableTelemetry requireAuth>
      <Resource name="tasks" {...tasks} />
      <Resource name="cases" {...cases} />
      <Resource name="notifications" {...notifications} />
      <Resource name="sla/policies" {...slaPolicies} />
      <Resource name="sla/calendar" {...calendar} />
      <CustomRoutes>
        <Route path="/board" element={<EscalationBoard />} />
        <Route path="/sla" element={<SlaOverview />} />
      </CustomRoutes>
    </Admin>
  );
}
