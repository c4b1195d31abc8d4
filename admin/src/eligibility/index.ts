import GavelIcon from '@mui/icons-material/Gavel';
import { StandardCreate, StandardEdit, StandardList } from './StandardScreens.tsx';

/** 救助标准 (resource `eligibility/standards`): anyone reads them; admins add and correct those not yet in force. */
export default {
  list: StandardList,
  create: StandardCreate,
  edit: StandardEdit,
  icon: GavelIcon,
  options: { label: 'guanai.eligibility.menu' },
};

export { EligibilityPanel } from './EligibilityPanel.tsx';
export { CaseReferrals } from './CaseReferrals.tsx';
