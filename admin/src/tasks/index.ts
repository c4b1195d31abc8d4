import InboxIcon from '@mui/icons-material/Inbox';
import { TaskList } from './TaskList.tsx';
import { TaskShow } from './TaskShow.tsx';

export default { list: TaskList, show: TaskShow, icon: InboxIcon, options: { label: 'guanai.inbox.title' } };
