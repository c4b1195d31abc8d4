import { Admin, Resource } from 'react-admin';
import cases from './cases/index.ts';
import { authProvider } from './providers/authProvider.ts';
import { dataProvider } from './providers/dataProvider.ts';
import { i18nProvider } from './providers/i18nProvider.ts';
import tasks from './tasks/index.ts';

/** The table of contents: one resource per API resource. */
export function App() {
  return (
    <Admin dataProvider={dataProvider} authProvider={authProvider} i18nProvider={i18nProvider} title="关爱援助 Guanai" disableTelemetry requireAuth>
      <Resource name="tasks" {...tasks} />
      <Resource name="cases" {...cases} />
    </Admin>
  );
}
