import CampaignIcon from '@mui/icons-material/Campaign';
import { ProjectList } from './ProjectList.tsx';
import { ProjectShow } from './ProjectShow.tsx';

export default { list: ProjectList, show: ProjectShow, icon: CampaignIcon };
