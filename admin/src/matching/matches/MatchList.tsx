import type { TMatch } from '@guanai/api/types';
import { useMediaQuery, type Theme } from '@mui/material';
import {
  Datagrid,
  FunctionField,
  List,
  SelectInput,
  SimpleList,
  TextField,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import { MatchStatusChip } from '../chips.tsx';
import { ExportMatchesButton } from './ExportMatchesButton.tsx';
import { LedgerPrintButton } from '../../print/index.tsx';
import { matchStatusChoices } from '../choices.ts';
import { matchQuantity, needText } from './quantity.ts';

const filters = [<SelectInput key="status" source="status" choices={matchStatusChoices} alwaysOn />];

/**
 * 对接申请: a partner's inbox of proposals for its resources (the person's name masked until it
 * accepts), and for workers the matches of the cases they see.
 */
export function MatchList() {
  const isSmall = useMediaQuery((theme: Theme) => theme.breakpoints.down('md'));
  const translate = useTranslate();
  const status = (m: TMatch) => `${translate(`guanai.matching.matchStatus.${m.status}`, { _: m.status })}`;
  const place = (m: TMatch) => [m.townshipName, m.communityName].filter(Boolean).join(' ');
  return (
    <List
      filters={filters}
      sort={{ field: 'createdAt', order: 'DESC' }}
      exporter={false}
      empty={false}
      perPage={25}
      actions={
        <TopToolbar>
          <ExportMatchesButton />
          <LedgerPrintButton />
        </TopToolbar>
      }
    >
      {isSmall ? (
        <SimpleList<TMatch>
          primaryText={(m) => `${needText(m, translate)} · ${m.person.name}`}
          secondaryText={(m) => `${m.resourceName} · ${matchQuantity(m, translate)} · ${place(m)} · ${m.caseNo}`}
          tertiaryText={status}
          linkType="show"
          rowSx={(m) => (m.status === 'PROPOSED' ? { borderLeft: '4px solid #0288d1' } : {})}
        />
      ) : (
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <TextField source="caseNo" sortable={false} />
          <TextField source="townshipName" sortable={false} emptyText="—" />
          <TextField source="communityName" sortable={false} />
          <FunctionField<TMatch> source="needDescription" sortable={false} render={(m) => needText(m, translate)} />
          <TextField source="person.name" label="resources.matches.fields.personName" sortable={false} />
          <TextField source="resourceName" sortable={false} />
          <FunctionField<TMatch> source="quantity" sortable={false} render={(m) => matchQuantity(m, translate)} />
          <FunctionField<TMatch> source="status" sortable={false} render={(m) => <MatchStatusChip match={m} />} />
        </Datagrid>
      )}
    </List>
  );
}
