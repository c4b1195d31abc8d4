import AccountTreeIcon from '@mui/icons-material/AccountTree';
import { OrgUnitCreate } from './OrgUnitCreate.tsx';
import { OrgUnitEdit } from './OrgUnitEdit.tsx';
import { OrgUnitList } from './OrgUnitList.tsx';

export default {
  list: OrgUnitList,
  create: OrgUnitCreate,
  edit: OrgUnitEdit,
  icon: AccountTreeIcon,
  recordRepresentation: 'name',
};
