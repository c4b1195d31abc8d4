import { Route } from 'react-router-dom';
import { FieldCases } from './FieldCases.tsx';
import { FieldHome } from './FieldHome.tsx';
import { OutboxPage } from './OutboxPage.tsx';
import { ReportForm } from './ReportForm.tsx';
import { VisitForm } from './VisitForm.tsx';

export { FieldSync } from './FieldSync.tsx';
export { OutboxChip } from './OutboxChip.tsx';

/** 外勤: the field app's screens (issue 16), phone-first, working with or without a signal. */
export const fieldRoutes = [
  <Route key="field" path="/field" element={<FieldHome />} />,
  <Route key="field-report" path="/field/report" element={<ReportForm />} />,
  <Route key="field-application" path="/field/application" element={<ReportForm application />} />,
  <Route key="field-cases" path="/field/cases" element={<FieldCases />} />,
  <Route key="field-visit" path="/field/visit/:id" element={<VisitForm />} />,
  <Route key="field-outbox" path="/field/outbox" element={<OutboxPage />} />,
];
