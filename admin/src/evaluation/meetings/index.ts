import GroupsIcon from '@mui/icons-material/Groups';
import { MeetingCreate } from './MeetingCreate.tsx';
import { MeetingList } from './MeetingList.tsx';
import { MeetingShow } from './MeetingShow.tsx';

export default {
  list: MeetingList,
  show: MeetingShow,
  create: MeetingCreate,
  icon: GroupsIcon,
  recordRepresentation: 'title',
};
