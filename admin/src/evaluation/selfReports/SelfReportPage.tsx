import type { TSelfReportBody } from '@guanai/api/types';
import SendIcon from '@mui/icons-material/Send';
import { Alert, Card, CardContent, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import {
  Form,
  Loading,
  maxValue,
  minLength,
  minValue,
  NumberInput,
  required,
  SaveButton,
  SelectInput,
  TextInput,
  Title,
  useDataProvider,
  useGetList,
  useNotify,
  useTranslate,
} from 'react-admin';
import { api, ok } from '../../providers/api.ts';
import type { GuanaiDataProvider } from '../../providers/dataProvider.ts';
import { useCan, useRole } from '../../providers/useCan.ts';
import { useNotifyProblem } from '../../tasks/useTaskActions.ts';
import { isMonth, lastMonth } from '../months.ts';

/** The partner organisation a PARTNER user acts for (`partnerId` of GET /api/auth/me). */
function usePartnerId(): string | null | undefined {
  const role = useRole();
  const { data } = useQuery({
    queryKey: ['auth', 'me', 'partnerId'],
    queryFn: async () => (await ok(api.auth.me.$get())).partnerId,
    enabled: role === 'PARTNER',
    staleTime: 5 * 60_000,
  });
  return data;
}

const month = (value: unknown) => (typeof value === 'string' && isMonth(value) ? undefined : 'ra.validation.required');
const blank = (v: unknown) => v === '' || v === null || v === undefined;

/** What the API takes: numbers as numbers, optional figures left out when not given. */
export function selfReportBody(values: Record<string, unknown>): TSelfReportBody {
  return {
    period: String(values.period),
    served: Number(values.served),
    ...(blank(values.hours) ? {} : { hours: Number(values.hours) }),
    ...(blank(values.spent) ? {} : { spent: Number(values.spent) }),
    narrative: String(values.narrative).trim(),
    score: Number(values.score),
  };
}

/** 自评报告 (§四(八)): a partner's monthly self-report on one of its own services, once a month each. */
export function SelfReportPage() {
  const translate = useTranslate();
  const can = useCan();
  const notify = useNotify();
  const notifyProblem = useNotifyProblem();
  const dataProvider = useDataProvider<GuanaiDataProvider>();
  const partnerId = usePartnerId();
  // A fresh form after each report; the key remounts it.
  const [sent, setSent] = useState(0);
  const { data: resources, isPending } = useGetList<{ id: string; name: string }>(
    'resources',
    { filter: { providerId: partnerId }, pagination: { page: 1, perPage: 100 }, sort: { field: 'name', order: 'ASC' } },
    { enabled: !!partnerId },
  );
  if (!can('POST /api/resources/:id/self-reports')) return null;
  const submit = async (values: Record<string, unknown>) => {
    try {
      const body = selfReportBody(values);
      await dataProvider.addSelfReport(String(values.resourceId), body);
      notify('guanai.evaluation.selfReports.submitted', { type: 'success', messageArgs: { period: body.period } });
      setSent((n) => n + 1);
    } catch (error) {
      notifyProblem(error);
    }
  };
  return (
    <Card sx={{ mt: 1, maxWidth: 720 }}>
      <Title title={translate('guanai.evaluation.selfReports.title')} />
      <CardContent>
        <Stack spacing={1}>
          <Typography variant="h6" component="h1">
            {translate('guanai.evaluation.selfReports.title')}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {translate('guanai.evaluation.selfReports.help')}
          </Typography>
          {partnerId === undefined || (partnerId && isPending) ? (
            <Loading />
          ) : !resources?.length ? (
            <Alert severity="info">{translate('guanai.evaluation.selfReports.noResources')}</Alert>
          ) : (
            <Form
              key={sent}
              onSubmit={submit}
              defaultValues={{ resourceId: resources.length === 1 ? resources[0]!.id : '', period: lastMonth() }}
            >
              <SelectInput
                source="resourceId"
                label="guanai.evaluation.selfReports.resource"
                choices={resources}
                validate={required()}
                fullWidth
              />
              <TextInput
                source="period"
                label="guanai.evaluation.selfReports.period"
                type="month"
                validate={month}
                slotProps={{ inputLabel: { shrink: true } }}
              />
              <NumberInput
                source="served"
                label="guanai.evaluation.selfReports.served"
                min={0}
                step={1}
                validate={[required(), minValue(0)]}
              />
              <NumberInput source="hours" label="guanai.evaluation.selfReports.hours" min={0} validate={minValue(0)} />
              <NumberInput source="spent" label="guanai.evaluation.selfReports.spent" min={0} validate={minValue(0)} />
              <TextInput
                source="narrative"
                label="guanai.evaluation.selfReports.narrative"
                multiline
                minRows={4}
                fullWidth
                validate={[required(), minLength(10, 'guanai.evaluation.selfReports.narrativeMin')]}
              />
              <NumberInput
                source="score"
                label="guanai.evaluation.selfReports.score"
                min={0}
                max={100}
                validate={[required(), minValue(0), maxValue(100)]}
              />
              <SaveButton label="guanai.evaluation.selfReports.submit" icon={<SendIcon />} />
            </Form>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
}
