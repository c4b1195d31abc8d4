import EventBusyIcon from '@mui/icons-material/EventBusy';
import { AbsenceCreate } from './AbsenceCreate.tsx';
import { AbsenceList } from './AbsenceList.tsx';

export default {
  list: AbsenceList,
  create: AbsenceCreate,
  icon: EventBusyIcon,
  options: { label: 'guanai.absences.menu' },
};
