import HandshakeIcon from '@mui/icons-material/Handshake';
import { PartnerCreate } from './PartnerCreate.tsx';
import { PartnerEdit } from './PartnerEdit.tsx';
import { PartnerList } from './PartnerList.tsx';

export default {
  list: PartnerList,
  create: PartnerCreate,
  edit: PartnerEdit,
  icon: HandshakeIcon,
  recordRepresentation: 'name',
};
