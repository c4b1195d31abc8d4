import type { TResource } from '@guanai/api/types';
import type { PledgeKind } from '@guanai/workflows/vocabulary';
import VolunteerActivismIcon from '@mui/icons-material/VolunteerActivism';
import { Alert, Card, CardContent, Stack, Typography } from '@mui/material';
import { useEffect } from 'react';
import {
  Form,
  NumberInput,
  RadioButtonGroupInput,
  SaveButton,
  SelectInput,
  TextInput,
  minLength,
  minValue,
  required,
  useDataProvider,
  useGetList,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import type { GuanaiDataProvider } from '../../providers/dataProvider.ts';
import { useCan } from '../../providers/useCan.ts';
import { useNotifyProblem } from '../../tasks/useTaskActions.ts';
import type { ProjectRecord } from '../types.ts';
import { usePartnerId } from '../usePartnerId.ts';

/**
 * What a resource can give a pledge from (the API refuses the rest): money from a budget only; places
 * from a capacity (or goods and hours, each holding a place); goods or hours from the others.
 */
export function kindsFor(resource: Pick<TResource, 'budget' | 'capacity' | 'kind'>): PledgeKind[] {
  if (resource.budget !== null) return ['MONEY'];
  const service: PledgeKind[] = resource.kind === 'VOLUNTEER_SERVICE' ? ['HOURS', 'GOODS'] : ['GOODS', 'HOURS'];
  return resource.capacity !== null ? ['PLACES', ...service] : service;
}

/** The figure each kind states, as the API names it. */
const FIGURE: Record<PledgeKind, 'amount' | 'places' | 'quantity'> = {
  MONEY: 'amount',
  PLACES: 'places',
  GOODS: 'quantity',
  HOURS: 'quantity',
};

/** The kind and its one figure, following the resource chosen. */
function PledgeFields({ resources }: { resources: TResource[] }) {
  const translate = useTranslate();
  const { setValue } = useFormContext();
  const resourceId = useWatch({ name: 'resourceId' }) as string | undefined;
  const kind = useWatch({ name: 'kind' }) as PledgeKind | undefined;
  const chosen = resources.find((r) => r.id === resourceId);
  const kinds = chosen ? kindsFor(chosen) : [];
  useEffect(() => {
    if (chosen && (!kind || !kindsFor(chosen).includes(kind))) setValue('kind', kindsFor(chosen)[0]);
  }, [chosen, kind, setValue]);
  return (
    <>
      <SelectInput
        source="resourceId"
        label="guanai.matching.projects.resource"
        choices={resources}
        optionText="name"
        validate={required()}
        fullWidth
      />
      {chosen && (
        <RadioButtonGroupInput
          source="kind"
          label="guanai.matching.projects.kind"
          choices={kinds.map((k) => ({ id: k, name: translate(`guanai.matching.pledgeKinds.${k}`) }))}
          validate={required()}
          row
        />
      )}
      {kind === 'MONEY' && (
        <NumberInput
          source="amount"
          label="guanai.matching.projects.amount"
          validate={[required(), minValue(0.01)]}
          fullWidth
        />
      )}
      {kind === 'PLACES' && (
        <NumberInput
          source="places"
          label="guanai.matching.projects.places"
          validate={[required(), minValue(1)]}
          step={1}
          fullWidth
        />
      )}
      {(kind === 'GOODS' || kind === 'HOURS') && (
        <NumberInput
          source="quantity"
          label={kind === 'HOURS' ? 'guanai.matching.projects.hours' : 'guanai.matching.projects.quantity'}
          validate={[required(), minValue(0.01)]}
          fullWidth
        />
      )}
    </>
  );
}

/**
 * 认捐 (§四(三)): a partner pledges money, goods, places or hours to a published project, from one of its
 * own published resources for the project's need. Shown while it has no pledge pending or accepted
 * here (after a decline it may pledge again). Laid out for a phone: one column, full-width inputs.
 */
export function PledgeForm() {
  const project = useRecordContext<ProjectRecord>();
  const can = useCan();
  const partnerId = usePartnerId();
  const translate = useTranslate();
  const dataProvider = useDataProvider<GuanaiDataProvider>();
  const notify = useNotify();
  const notifyProblem = useNotifyProblem();
  const refresh = useRefresh();
  const open = !!project && project.status === 'PUBLISHED' && can('POST /api/projects/:id/responses') && !!partnerId;
  const live = project?.responseList?.some((p) => p.status !== 'DECLINED') ?? true;
  const { data: resources = [], isPending } = useGetList<TResource>(
    'resources',
    {
      filter: { providerId: partnerId, status: 'PUBLISHED', category: project?.category },
      sort: { field: 'name', order: 'ASC' },
      pagination: { page: 1, perPage: 100 },
    },
    { enabled: open && !live && !!project?.responseList },
  );
  if (!project || !open || live || !project.responseList) return null;
  const save = async (values: Record<string, unknown>) => {
    const kind = values.kind as PledgeKind;
    const figure = FIGURE[kind];
    try {
      await dataProvider.respondToProject(project.id, {
        kind,
        resourceId: String(values.resourceId),
        message: String(values.message ?? '').trim(),
        [figure]: Number(values[figure]),
      });
      notify('guanai.matching.projects.responded', { type: 'success' });
      refresh();
    } catch (error) {
      notifyProblem(error);
    }
  };
  return (
    <Card variant="outlined" component="section" aria-label={translate('guanai.matching.projects.respond')}>
      <CardContent>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
          <VolunteerActivismIcon color="primary" />
          <Typography variant="subtitle1" component="h2">
            {translate('guanai.matching.projects.respond')}
          </Typography>
        </Stack>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {translate('guanai.matching.projects.pledgeHelp')}
        </Typography>
        {!isPending && resources.length === 0 ? (
          <Alert severity="info">{translate('guanai.matching.projects.noResource')}</Alert>
        ) : (
          <Form onSubmit={save} record={{}}>
            <PledgeFields resources={resources} />
            <TextInput
              source="message"
              label="guanai.matching.projects.message"
              validate={[required(), minLength(4)]}
              multiline
              minRows={2}
              fullWidth
            />
            <SaveButton
              label="guanai.matching.projects.submit"
              icon={<VolunteerActivismIcon />}
              size="large"
              fullWidth
              alwaysEnable
            />
          </Form>
        )}
      </CardContent>
    </Card>
  );
}
