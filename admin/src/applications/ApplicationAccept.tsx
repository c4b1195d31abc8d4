import CreateNewFolderIcon from '@mui/icons-material/CreateNewFolder';
import { Alert, Box, Card, CardContent, Typography } from '@mui/material';
import { useState } from 'react';
import {
  BooleanInput,
  Button,
  Loading,
  ResourceContextProvider,
  SaveButton,
  SimpleForm,
  TextInput,
  Title,
  Toolbar,
  required,
  useDataProvider,
  useGetOne,
  useNotify,
  useRedirect,
  useTranslate,
} from 'react-admin';
import { useFormContext, type FieldValues } from 'react-hook-form';
import { Link, useParams } from 'react-router-dom';
import { DuplicateWarning, duplicateProblem, type DuplicateProblem } from '../people/DuplicateWarning.tsx';
import { PersonInputs } from '../people/PersonInputs.tsx';
import { idempotencyKey } from '../providers/api.ts';
import type { GuanaiDataProvider } from '../providers/dataProvider.ts';
import { useNotifyProblem } from '../tasks/useTaskActions.ts';
import { RevealPhoneButton } from './RevealPhoneButton.tsx';
import { revealedPhones, type ApplicationRecord } from './types.ts';

/** The accept form: the person's registry fields (people/PersonInputs) beside the case's situation and emergency. */
interface AcceptForm extends Record<string, unknown> {
  situation: string;
  emergency?: boolean;
  personId?: string;
  confirmNotDuplicate?: boolean;
}

type AcceptBody = Parameters<GuanaiDataProvider['acceptApplication']>[1];

const CASE_FIELDS = new Set(['situation', 'emergency', 'personId', 'confirmNotDuplicate']);

/**
 * The body of POST /api/applications/:id/accept (POST /api/cases without discovererKind): the person as verified,
 * without empty optional fields, or the registry's `personId` the worker chose from the duplicates.
 */
function bodyOf(values: AcceptForm): AcceptBody {
  const common = { situation: values.situation, emergency: values.emergency ?? false };
  if (values.personId) return { personId: values.personId, ...common };
  const person = Object.fromEntries(
    Object.entries(values).filter(
      ([key, v]) =>
        !CASE_FIELDS.has(key) && v !== '' && v !== null && v !== undefined && !(Array.isArray(v) && !v.length),
    ),
  );
  return {
    person: person as NonNullable<AcceptBody['person']>,
    ...common,
    ...(values.confirmNotDuplicate ? { confirmNotDuplicate: true } : {}),
  };
}

/** The 409's duplicates: register anyway (a possible duplicate), or open the case for the record already there. */
function DuplicatePanel({
  problem,
  busy,
  onSave,
}: {
  problem: DuplicateProblem | null;
  busy: boolean;
  onSave: (values: AcceptForm) => void;
}) {
  const { getValues } = useFormContext<AcceptForm>();
  if (!problem) return null;
  return (
    <DuplicateWarning
      problem={problem}
      disabled={busy}
      onNotSame={() => onSave({ ...getValues(), confirmNotDuplicate: true })}
      onUseExisting={(id) => onSave({ ...getValues(), personId: id })}
    />
  );
}

/** 显示完整电话 inside the form: the number revealed goes into the person's phone. */
function PhoneFromApplication({ application }: { application: ApplicationRecord }) {
  const { setValue } = useFormContext<AcceptForm>();
  return (
    <RevealPhoneButton
      application={application}
      onRevealed={(phone) => setValue('phone', phone, { shouldDirty: true })}
    />
  );
}

function AcceptPage({ application }: { application: ApplicationRecord }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<GuanaiDataProvider>();
  const notify = useNotify();
  const redirect = useRedirect();
  const notifyProblem = useNotifyProblem();
  // One key for this form: a retried save (a lost answer, a double tap) opens one case. A refused request frees its
  // key on the API, so the same key also serves the corrected form.
  const [key] = useState(idempotencyKey);
  const [busy, setBusy] = useState(false);
  const [duplicates, setDuplicates] = useState<DuplicateProblem | null>(null);
  const save = async (values: AcceptForm) => {
    setBusy(true);
    try {
      const { data } = await dataProvider.acceptApplication(application.id, bodyOf(values), key);
      notify('guanai.applications.accepted', { type: 'success', messageArgs: { caseNo: data.caseNo } });
      redirect('show', 'cases', data.id);
    } catch (error) {
      const problem = duplicateProblem(error);
      setDuplicates(problem);
      if (!problem) notifyProblem(error);
    } finally {
      setBusy(false);
    }
  };
  // For a relative or someone else, the phone is theirs, not the person's: the worker fills the person's in.
  const phone = application.applicant === 'SELF' ? revealedPhones.get(application.id) : undefined;
  const defaults = {
    name: application.name,
    hukou: 'CHENGDU',
    situation: application.situation,
    emergency: false,
    ...(phone ? { phone } : {}),
  };
  const applicant = application.applicantName
    ? translate('guanai.applications.on', {
        name: application.applicantName,
        applicant: translate(`guanai.applications.applicants.${application.applicant}`),
      })
    : translate(`guanai.applications.applicants.${application.applicant}`);
  return (
    <Card sx={{ mt: { xs: 1, sm: 2 } }}>
      <Title title="guanai.applications.accept" />
      <CardContent sx={{ pb: 0 }}>
        <Typography variant="h6" component="h1" gutterBottom>
          {translate('guanai.applications.acceptTitle', { reference: application.reference })}
        </Typography>
        <Alert severity="info">{translate('guanai.applications.acceptIntro')}</Alert>
        <Box sx={{ mt: 1.5, display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
          <Typography variant="body2" color="text.secondary">
            {application.community.name} · {applicant} · {application.phone}
          </Typography>
        </Box>
      </CardContent>
      {/* The person's fields are the registry's: their labels are the people resource's. */}
      <ResourceContextProvider value="people">
        <SimpleForm
          defaultValues={defaults}
          onSubmit={(values: FieldValues) => save(values as AcceptForm)}
          toolbar={
            // Prefilled from the application, the form may be saved as it is.
            <Toolbar>
              <SaveButton label="guanai.applications.accept" icon={<CreateNewFolderIcon />} alwaysEnable={!busy} />
            </Toolbar>
          }
        >
          <DuplicatePanel problem={duplicates} busy={busy} onSave={(values) => void save(values)} />
          {application.applicant === 'SELF' && !phone && <PhoneFromApplication application={application} />}
          <PersonInputs mode="case" />
          <TextInput
            source="situation"
            label="resources.cases.fields.situation"
            multiline
            minRows={3}
            validate={required()}
            fullWidth
          />
          <BooleanInput source="emergency" label="resources.cases.fields.emergency" />
        </SimpleForm>
      </ResourceContextProvider>
    </Card>
  );
}

/** 受理立案 (/applications/:id/accept): the station verified the applicant; the case opens from the application. */
export function ApplicationAccept() {
  const { id } = useParams<{ id: string }>();
  const translate = useTranslate();
  const { data: application, isPending, error } = useGetOne<ApplicationRecord>('applications', { id: id! });
  if (isPending) return <Loading />;
  if (error || !application) return <Alert severity="error">{translate('ra.notification.item_doesnt_exist')}</Alert>;
  if (application.status !== 'SUBMITTED')
    return (
      <Alert
        severity="info"
        sx={{ mt: 2 }}
        action={<Button component={Link} to={`/applications/${application.id}/show`} label="ra.action.show" />}
      >
        {translate('guanai.problems.application-decided')}
      </Alert>
    );
  return <AcceptPage application={application} />;
}
