import VolunteerActivismIcon from '@mui/icons-material/VolunteerActivism';
import { ResourceCreate } from './ResourceCreate.tsx';
import { ResourceEdit } from './ResourceEdit.tsx';
import { ResourceList } from './ResourceList.tsx';
import { ResourceShow } from './ResourceShow.tsx';

export default {
  list: ResourceList,
  show: ResourceShow,
  create: ResourceCreate,
  edit: ResourceEdit,
  icon: VolunteerActivismIcon,
  recordRepresentation: 'name',
};
