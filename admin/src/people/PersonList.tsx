import UploadFileIcon from '@mui/icons-material/UploadFile';
import { useMediaQuery, type Theme } from '@mui/material';
import {
  Button,
  CreateButton,
  Datagrid,
  FunctionField,
  List,
  NumberField,
  SearchInput,
  SelectInput,
  SimpleList,
  TextField,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import { Link } from 'react-router-dom';
import { useCan } from '../providers/useCan.ts';
import { hukouChoices, tagChoices } from './choices.ts';
import { ExportButton } from './ExportButton.tsx';
import { TagChips } from './TagChips.tsx';
import type { PersonRecord } from './types.ts';

function Actions() {
  const can = useCan();
  return (
    <TopToolbar sx={{ flexWrap: 'wrap' }}>
      {can('POST /api/people') && <CreateButton />}
      {can('POST /api/people/imports') && (
        <Button component={Link} to="/people/import" label="guanai.people.import">
          <UploadFileIcon />
        </Button>
      )}
      <ExportButton />
    </TopToolbar>
  );
}

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="tag" source="tag" choices={tagChoices} alwaysOn />,
  <SelectInput key="hukou" source="hukou" choices={hukouChoices} />,
];

/** 困难群众信息库: the people in hardship of the caller's jurisdiction. */
export function PersonList() {
  const isSmall = useMediaQuery((theme: Theme) => theme.breakpoints.down('md'));
  const translate = useTranslate();
  const sex = (p: PersonRecord) => (p.sex ? translate(`guanai.sex.${p.sex}`) : '');
  return (
    <List
      filters={filters}
      actions={<Actions />}
      sort={{ field: 'createdAt', order: 'DESC' }}
      exporter={false}
      empty={false}
      perPage={25}
    >
      {isSmall ? (
        <SimpleList<PersonRecord>
          primaryText={(p) => [p.name, sex(p), p.idNumberMasked].filter(Boolean).join(' · ')}
          secondaryText={(p) =>
            [p.communityName, p.phone, p.tags.map((t) => translate(`guanai.tags.${t}`, { _: t })).join('、')]
              .filter(Boolean)
              .join(' · ')
          }
          tertiaryText={(p) => (p.openCases ? `${translate('resources.people.fields.openCases')} ${p.openCases}` : '')}
          linkType="show"
        />
      ) : (
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <TextField source="name" />
          <FunctionField<PersonRecord> source="sex" sortable={false} render={sex} />
          <TextField source="idNumberMasked" sortable={false} emptyText="—" />
          <TextField source="phone" sortable={false} emptyText="—" />
          <TextField source="communityName" sortable={false} />
          <FunctionField<PersonRecord> source="tags" sortable={false} render={(p) => <TagChips tags={p.tags} />} />
          <NumberField source="openCases" sortable={false} />
        </Datagrid>
      )}
    </List>
  );
}
