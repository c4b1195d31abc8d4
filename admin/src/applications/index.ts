import InboxIcon from '@mui/icons-material/MoveToInbox';
import { ApplicationList } from './ApplicationList.tsx';
import { ApplicationShow } from './ApplicationShow.tsx';

export default { list: ApplicationList, show: ApplicationShow, icon: InboxIcon, recordRepresentation: 'reference' };
