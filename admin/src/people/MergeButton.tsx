import MergeIcon from '@mui/icons-material/MergeType';
import { Alert, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useState } from 'react';
import {
  AutocompleteInput,
  Button,
  Form,
  ReferenceInput,
  SaveButton,
  TextInput,
  minLength,
  required,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRedirect,
  useTranslate,
  type Validator,
} from 'react-admin';
import type { GuanaiDataProvider } from '../providers/dataProvider.ts';
import { useCan } from '../providers/useCan.ts';
import { useNotifyProblem } from '../tasks/useTaskActions.ts';
import type { PersonRecord } from './types.ts';

const personText = (p: PersonRecord | undefined) =>
  p ? `${p.name} · ${p.idNumberMasked ?? '—'} · ${p.communityName}` : '';

/** 合并 (supervisors): this record is a duplicate of the one kept; its cases and household move there. */
export function MergeButton() {
  const person = useRecordContext<PersonRecord>();
  const can = useCan();
  const translate = useTranslate();
  const dataProvider = useDataProvider<GuanaiDataProvider>();
  const notify = useNotify();
  const notifyProblem = useNotifyProblem();
  const redirect = useRedirect();
  const [open, setOpen] = useState(false);
  if (!person || person.mergedIntoId || !can('POST /api/people/:id/merge')) return null;
  const notSelf: Validator = (value: unknown) => (value === person.id ? 'guanai.people.notSelf' : undefined);
  const merge = async (values: Record<string, unknown>) => {
    try {
      const { data: kept } = await dataProvider.mergePerson(person.id, {
        intoId: String(values.intoId),
        reason: String(values.reason).trim(),
      });
      notify('guanai.people.merged', { type: 'success' });
      setOpen(false);
      redirect('show', 'people', kept.id);
    } catch (error) {
      notifyProblem(error);
    }
  };
  return (
    <>
      <Button label="guanai.people.merge" onClick={() => setOpen(true)}>
        <MergeIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
        <Form onSubmit={merge} record={{ id: person.id }}>
          <DialogTitle>{translate('guanai.people.mergeTitle')}</DialogTitle>
          <DialogContent>
            <Alert severity="warning" sx={{ mb: 2 }}>
              {translate('guanai.people.mergeHelp')}
            </Alert>
            <ReferenceInput source="intoId" reference="people" sort={{ field: 'name', order: 'ASC' }}>
              <AutocompleteInput
                label="guanai.people.mergeInto"
                optionText={personText}
                validate={[required(), notSelf]}
                fullWidth
              />
            </ReferenceInput>
            <TextInput
              source="reason"
              label="guanai.people.mergeReason"
              validate={[required(), minLength(4)]}
              multiline
              minRows={2}
              fullWidth
            />
          </DialogContent>
          <DialogActions>
            <Button label="ra.action.cancel" onClick={() => setOpen(false)} />
            <SaveButton label="ra.action.confirm" icon={<MergeIcon />} alwaysEnable />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
}
