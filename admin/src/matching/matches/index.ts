import ConnectWithoutContactIcon from '@mui/icons-material/ConnectWithoutContact';
import { MatchList } from './MatchList.tsx';
import { MatchShow } from './MatchShow.tsx';

export default { list: MatchList, show: MatchShow, icon: ConnectWithoutContactIcon };
