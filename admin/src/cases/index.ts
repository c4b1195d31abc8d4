import FolderSharedIcon from '@mui/icons-material/FolderShared';
import { CaseCreate } from './CaseCreate.tsx';
import { CaseList } from './CaseList.tsx';
import { CaseShow } from './CaseShow.tsx';

export default { list: CaseList, show: CaseShow, create: CaseCreate, icon: FolderSharedIcon };
