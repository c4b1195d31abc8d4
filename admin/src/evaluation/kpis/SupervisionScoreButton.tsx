import type { TSupervisionScoreBody } from '@guanai/api/types';
import GradingIcon from '@mui/icons-material/Grading';
import {
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  List,
  ListItem,
  ListItemText,
  Typography,
  useMediaQuery,
  type Theme,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import {
  AutocompleteInput,
  Button,
  Form,
  maxValue,
  minValue,
  NumberInput,
  RadioButtonGroupInput,
  ReferenceInput,
  required,
  SaveButton,
  TextInput,
  useDataProvider,
  useNotify,
  useTranslate,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import type { GuanaiDataProvider } from '../../providers/dataProvider.ts';
import { useNotifyProblem } from '../../tasks/useTaskActions.ts';
import { isMonth } from '../months.ts';
import { CenterInput } from './CenterPicker.tsx';

const month = (value: unknown) => (typeof value === 'string' && isMonth(value) ? undefined : 'ra.validation.required');
const targetChoices = ['unit', 'resource'].map((id) => ({ id, name: `guanai.evaluation.score.targets.${id}` }));

interface ScoreForm {
  period: string;
  target: 'unit' | 'resource';
  unitId?: string;
  resourceId?: string;
  score: number;
  comment?: string;
}

/** The body the API takes: the center or the contract scored, never both. */
export function scoreBody(values: ScoreForm): TSupervisionScoreBody {
  const comment = values.comment?.trim();
  return {
    period: values.period,
    ...(values.target === 'unit' ? { unitId: values.unitId } : { resourceId: values.resourceId }),
    score: Number(values.score),
    ...(comment ? { comment } : {}),
  };
}

/** What the organisation reported and what was scored before, for the contract being scored. */
function ResourceHistory() {
  const translate = useTranslate();
  const dataProvider = useDataProvider<GuanaiDataProvider>();
  const resourceId = useWatch({ name: 'resourceId' }) as string | undefined;
  const { data } = useQuery({
    queryKey: ['resource-evaluations', resourceId],
    queryFn: async () => (await dataProvider.getResourceEvaluations(resourceId!)).data,
    enabled: !!resourceId,
  });
  if (!resourceId || !data) return null;
  const lines = [
    ...data.selfReports.map((r) => ({
      id: r.id,
      text: translate('guanai.evaluation.score.selfReport', { period: r.period, served: r.served, score: r.score }),
      more: r.narrative,
    })),
    ...data.supervision.map((s) => ({
      id: s.id,
      text: translate('guanai.evaluation.score.supervision', { period: s.period, score: s.score }),
      more: s.comment ?? '',
    })),
  ];
  return (
    <>
      <Typography variant="subtitle2">{translate('guanai.evaluation.score.history')}</Typography>
      {lines.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('guanai.evaluation.score.noHistory')}
        </Typography>
      ) : (
        <List dense disablePadding>
          {lines.map((line) => (
            <ListItem key={line.id} disableGutters>
              <ListItemText primary={line.text} secondary={line.more} />
            </ListItem>
          ))}
        </List>
      )}
    </>
  );
}

function TargetInput() {
  const target = useWatch({ name: 'target' }) as ScoreForm['target'];
  if (target === 'unit')
    return <CenterInput source="unitId" label="guanai.evaluation.score.unit" validate={required()} />;
  return (
    <>
      <ReferenceInput
        source="resourceId"
        reference="resources"
        filter={{ kind: 'PURCHASED_SERVICE' }}
        sort={{ field: 'name', order: 'ASC' }}
      >
        <AutocompleteInput label="guanai.evaluation.score.resource" optionText="name" validate={required()} fullWidth />
      </ReferenceInput>
      <ResourceHistory />
    </>
  );
}

/** 督导评分 (§四(八)): the administering department scores a center or a purchased-service contract for a month. */
export function SupervisionScoreButton({ period }: { period: string }) {
  const translate = useTranslate();
  const notify = useNotify();
  const notifyProblem = useNotifyProblem();
  const dataProvider = useDataProvider<GuanaiDataProvider>();
  const isSmall = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const [open, setOpen] = useState(false);
  const submit = async (values: Record<string, unknown>) => {
    try {
      await dataProvider.addSupervisionScore(scoreBody(values as unknown as ScoreForm));
      notify('guanai.evaluation.score.saved', { type: 'success' });
      setOpen(false);
    } catch (error) {
      notifyProblem(error);
    }
  };
  return (
    <>
      <MuiButton size="small" startIcon={<GradingIcon />} onClick={() => setOpen(true)}>
        {translate('guanai.evaluation.score.button')}
      </MuiButton>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        fullWidth
        maxWidth="sm"
        fullScreen={isSmall}
        aria-labelledby="supervision-score-title"
      >
        <DialogTitle id="supervision-score-title">{translate('guanai.evaluation.score.title')}</DialogTitle>
        <Form onSubmit={submit} defaultValues={{ period, target: 'unit' }}>
          <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
            <TextInput
              source="period"
              label="guanai.evaluation.score.period"
              type="month"
              validate={month}
              slotProps={{ inputLabel: { shrink: true } }}
            />
            <RadioButtonGroupInput source="target" label="guanai.evaluation.score.target" choices={targetChoices} />
            <TargetInput />
            <NumberInput
              source="score"
              label="guanai.evaluation.score.score"
              min={0}
              max={100}
              validate={[
                required(),
                minValue(0, 'guanai.evaluation.score.scoreRange'),
                maxValue(100, 'guanai.evaluation.score.scoreRange'),
              ]}
            />
            <TextInput source="comment" label="guanai.evaluation.score.comment" multiline minRows={2} fullWidth />
          </DialogContent>
          <DialogActions>
            <Button label="ra.action.cancel" onClick={() => setOpen(false)} />
            <SaveButton label="guanai.evaluation.score.save" icon={<GradingIcon />} />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
}
