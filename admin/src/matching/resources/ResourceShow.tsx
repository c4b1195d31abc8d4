import type { TResource } from '@guanai/api/types';
import { Divider, Stack, Typography } from '@mui/material';
import {
  DateField,
  EditButton,
  FunctionField,
  Labeled,
  Show,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { useCan } from '../../providers/useCan.ts';
import { CategoryChips, ResourceStatusChip } from '../chips.tsx';
import { yuan } from '../choices.ts';
import { Donations } from './Donations.tsx';
import { eligibilityLines } from './eligibility.ts';
import { remainingText } from './remaining.ts';
import { ResourceStatusButtons } from './ResourceStatusButtons.tsx';

function Actions() {
  const can = useCan();
  const resource = useRecordContext<TResource>();
  if (!can('POST /api/resources/:id/status') && !can('PUT /api/resources/:id')) return null;
  return (
    <TopToolbar sx={{ flexWrap: 'wrap' }}>
      <ResourceStatusButtons />
      {can('PUT /api/resources/:id') && resource?.status !== 'CLOSED' && <EditButton />}
    </TopToolbar>
  );
}

const money = (value: number | null) => (value === null ? '—' : yuan(value));

function Eligibility() {
  const resource = useRecordContext<TResource>();
  const translate = useTranslate();
  if (!resource) return null;
  const lines = eligibilityLines(resource.eligibility, translate);
  return (
    <Stack
      component="ul"
      spacing={0.5}
      sx={{ m: 0, pl: 2.5 }}
      aria-label={translate('guanai.matching.eligibility.title')}
    >
      {(lines.length ? lines : [translate('guanai.matching.eligibility.none')]).map((line) => (
        <Typography key={line} component="li" variant="body2">
          {line}
        </Typography>
      ))}
    </Stack>
  );
}

function ResourceDetail() {
  const resource = useRecordContext<TResource>();
  const translate = useTranslate();
  if (!resource) return null;
  return (
    <Stack spacing={2} sx={{ p: 2 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
        <Typography variant="h6">{resource.name}</Typography>
        <ResourceStatusChip status={resource.status} />
      </Stack>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={3} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Labeled label="resources.resources.fields.kind">
          <FunctionField<TResource>
            source="kind"
            render={(r) => translate(`guanai.matching.kinds.${r.kind}`, { _: r.kind })}
          />
        </Labeled>
        <Labeled label="resources.resources.fields.providerName">
          <TextField source="providerName" />
        </Labeled>
        <Labeled label="resources.resources.fields.coverageUnitName">
          <FunctionField<TResource>
            source="coverageUnitName"
            render={(r) =>
              `${r.coverageUnitName}（${translate(`guanai.orgLevels.${r.coverageLevel}`, { _: r.coverageLevel })}）`
            }
          />
        </Labeled>
        <Labeled label="resources.resources.fields.validFrom">
          <DateField source="validFrom" emptyText="—" />
        </Labeled>
        <Labeled label="resources.resources.fields.validTo">
          <DateField source="validTo" emptyText="—" />
        </Labeled>
      </Stack>
      <Labeled label="resources.resources.fields.categories">
        <FunctionField<TResource> source="categories" render={(r) => <CategoryChips categories={r.categories} />} />
      </Labeled>
      <Labeled label="resources.resources.fields.description">
        <TextField source="description" emptyText="—" />
      </Labeled>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={3} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Labeled label="resources.resources.fields.capacity">
          <FunctionField<TResource>
            source="capacity"
            render={(r) =>
              r.capacity === null
                ? '—'
                : `${r.capacity}（${translate('resources.resources.fields.reservedPlaces')} ${r.reservedPlaces}）`
            }
          />
        </Labeled>
        <Labeled label="resources.resources.fields.budget">
          <FunctionField<TResource>
            source="budget"
            render={(r) =>
              r.budget === null
                ? '—'
                : `${money(r.budget)}（${translate('resources.resources.fields.reservedAmount')} ${money(r.reservedAmount)}）`
            }
          />
        </Labeled>
        <Labeled label="resources.resources.fields.remaining">
          <FunctionField<TResource> source="remainingPlaces" render={(r) => remainingText(r, translate)} />
        </Labeled>
      </Stack>
      {resource.kind === 'PURCHASED_SERVICE' && (
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={3} useFlexGap>
          <Labeled label="resources.resources.fields.contractNo">
            <TextField source="contractNo" emptyText="—" />
          </Labeled>
          <Labeled label="resources.resources.fields.serviceStandard">
            <TextField source="serviceStandard" emptyText="—" />
          </Labeled>
        </Stack>
      )}
      {resource.kind === 'FUNDRAISING' && (
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={3} useFlexGap>
          <Labeled label="resources.resources.fields.campaignType">
            <FunctionField<TResource>
              source="campaignType"
              render={(r) => (r.campaignType ? translate(`guanai.matching.campaignTypes.${r.campaignType}`) : '—')}
            />
          </Labeled>
          <Labeled label="resources.resources.fields.target">
            <FunctionField<TResource> source="target" render={(r) => money(r.target)} />
          </Labeled>
          <Labeled label="resources.resources.fields.deadline">
            <DateField source="deadline" emptyText="—" />
          </Labeled>
          {resource.campaignType === 'DIRECTED' && (
            // §四(三) 定向募捐: whom it raises for — a case, or a need category in a township.
            <Labeled label="resources.resources.fields.beneficiaryCategory">
              <FunctionField<TResource>
                source="beneficiaryCategory"
                render={(r) =>
                  [
                    r.beneficiaryCategory ? translate(`guanai.categories.${r.beneficiaryCategory}`) : null,
                    r.beneficiaryTownshipName,
                    r.beneficiaryCaseId ? translate('resources.resources.fields.beneficiaryCaseId') : null,
                  ]
                    .filter(Boolean)
                    .join(' · ') || '—'
                }
              />
            </Labeled>
          )}
        </Stack>
      )}
      <Labeled label="guanai.matching.eligibility.title">
        <Eligibility />
      </Labeled>
      {resource.kind === 'FUNDRAISING' && (
        <>
          <Divider />
          <Donations resource={resource} />
        </>
      )}
    </Stack>
  );
}

function ResourceTitle() {
  const resource = useRecordContext<TResource>();
  return <span>{resource?.name ?? ''}</span>;
}

export function ResourceShow() {
  return (
    <Show title={<ResourceTitle />} actions={<Actions />}>
      <ResourceDetail />
    </Show>
  );
}
