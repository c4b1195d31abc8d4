import { Button, Card, CardContent, Stack, Typography } from '@mui/material';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import { useState } from 'react';
import { volunteerPage as en } from '../../i18n/en/volunteers.ts';
import { volunteerPage as zh } from '../../i18n/zh/volunteers.ts';
import { useLang } from '../../public/i18n.tsx';
import { PublicShell } from '../../public/PublicShell.tsx';
import { RegisterForm, type Registered } from './RegisterForm.tsx';

/** volunteer.html's own dictionaries (i18n/{zh,en}/volunteers.ts). */
const MESSAGES = { zh, en };

function Done({ answer }: { answer: Registered }) {
  const { t } = useLang();
  return (
    <Card variant="outlined" role="status">
      <CardContent>
        <Stack spacing={2} sx={{ alignItems: 'center', textAlign: 'center', py: 2 }}>
          <CheckCircleIcon color="success" sx={{ fontSize: 56 }} />
          <Typography variant="h5" component="h2">
            {t('done')}
          </Typography>
          <Typography>{t('doneMore', { username: answer.username })}</Typography>
          <Button variant="outlined" href="/">
            {t('signIn')}
          </Button>
        </Stack>
      </CardContent>
    </Card>
  );
}

function Page() {
  const [answer, setAnswer] = useState<Registered | null>(null);
  return answer ? <Done answer={answer} /> : <RegisterForm onDone={setAnswer} />;
}

/** volunteer.html: 志愿者注册 — anyone signs up from their phone, without an account; the team approves. */
export function RegisterApp() {
  return (
    <PublicShell title="title" messages={MESSAGES}>
      <Page />
    </PublicShell>
  );
}
