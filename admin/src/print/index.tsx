import { Route } from 'react-router-dom';
import { CasePrint } from './CasePrint.tsx';
import { DonationReceiptPrint } from './DonationReceiptPrint.tsx';
import { LedgerPrint } from './LedgerPrint.tsx';
import { PlanPrint } from './PlanPrint.tsx';
import { CertificatePrint } from '../volunteers/CertificatePrint.tsx';

export { CasePrintMenu, LedgerPrintButton } from './PrintButtons.tsx';

/** The print pages, outside the admin's layout (App.tsx mounts them in `<CustomRoutes noLayout>`). */
export const printRoutes = [
  <Route key="print-case" path="/print/cases/:id" element={<CasePrint />} />,
  <Route key="print-plan" path="/print/cases/:id/plan" element={<PlanPrint />} />,
  <Route key="print-ledger" path="/print/ledger" element={<LedgerPrint />} />,
  <Route key="print-donation" path="/print/donations/:id" element={<DonationReceiptPrint />} />,
  <Route key="print-volunteer-certificate" path="/print/volunteers/:id/certificate" element={<CertificatePrint />} />,
];
