import { useMediaQuery, type Theme } from '@mui/material';
import {
  Datagrid,
  DateField,
  FunctionField,
  List,
  NumberField,
  SelectInput,
  SimpleList,
  TextField,
  useTranslate,
} from 'react-admin';
import { ProjectStatusChip } from '../chips.tsx';
import { categoryChoices, projectStatusChoices, yuan } from '../choices.ts';
import type { ProjectRecord } from '../types.ts';

const filters = [
  <SelectInput key="category" source="category" choices={categoryChoices} alwaysOn />,
  <SelectInput key="status" source="status" choices={projectStatusChoices} alwaysOn />,
];

/** What a project asks for: an amount, a service, or both. */
export const projectNeed = (p: Pick<ProjectRecord, 'amount' | 'service'>) =>
  [p.amount !== null ? yuan(p.amount) : '', p.service ?? ''].filter(Boolean).join(' · ') || '—';

/** 援助项目发布平台: needs published anonymously, for partners to answer (staff see their own cases'). */
export function ProjectList() {
  const isSmall = useMediaQuery((theme: Theme) => theme.breakpoints.down('md'));
  const translate = useTranslate();
  const category = (p: ProjectRecord) => translate(`guanai.categories.${p.category}`, { _: p.category });
  const place = (p: ProjectRecord) => [p.districtName, p.townshipName].filter(Boolean).join(' ');
  return (
    <List
      filters={filters}
      sort={{ field: 'publishedAt', order: 'DESC' }}
      exporter={false}
      empty={false}
      perPage={25}
      actions={false}
    >
      {isSmall ? (
        <SimpleList<ProjectRecord>
          primaryText={(p) => p.title}
          secondaryText={(p) => `${category(p)} · ${place(p)} · ${projectNeed(p)}`}
          tertiaryText={(p) =>
            `${translate(`guanai.matching.projectStatus.${p.status}`, { _: p.status })} · ${translate('resources.projects.fields.responses')} ${p.responses}`
          }
          linkType="show"
        />
      ) : (
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <TextField source="title" sortable={false} />
          <FunctionField<ProjectRecord> source="category" sortable={false} render={category} />
          <FunctionField<ProjectRecord> source="townshipName" sortable={false} render={place} />
          <FunctionField<ProjectRecord> source="amount" render={projectNeed} />
          <FunctionField<ProjectRecord>
            source="status"
            sortable={false}
            render={(p) => <ProjectStatusChip status={p.status} />}
          />
          <NumberField source="responses" sortable={false} />
          <DateField source="publishedAt" />
        </Datagrid>
      )}
    </List>
  );
}
