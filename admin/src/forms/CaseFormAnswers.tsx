import type { TCaseEvent, TFormDefinition } from '@guanai/api/types';
import { fieldsOf, type FormAnswers, type FormField, type FormLayout } from '@guanai/workflows/forms';
import { Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import { useGetMany, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { choicesOf, localText } from './labels.ts';

type Answered = { event: TCaseEvent; answers: FormAnswers };

/** An answer as a caseworker reads it: choices by their labels, yes/no, dates and numbers as given. */
function shown(field: FormField | undefined, value: unknown, locale: string, translate: (key: string) => string) {
  if (!field) return Array.isArray(value) ? value.join('、') : String(value);
  if (field.widget === 'boolean') return translate(value ? 'guanai.formDefs.yes' : 'guanai.formDefs.no');
  if (field.widget === 'select' || field.widget === 'multiselect') {
    const labels = new Map(choicesOf(field, locale).map((c) => [c.id, c.name]));
    const label = (code: unknown) => {
      const name = labels.get(String(code));
      return name === undefined ? String(code) : 'vocabulary' in (field.choices ?? {}) ? translate(name) : name;
    };
    return Array.isArray(value) ? value.map(label).join('、') : label(value);
  }
  return String(value);
}

function AnswerCard({ answered, definition }: { answered: Answered; definition: TFormDefinition | undefined }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { event, answers } = answered;
  const fields = definition ? fieldsOf(definition.layout as FormLayout) : [];
  const byName = new Map(fields.map((f) => [f.name, f]));
  // In the version's own order; values the version has no field for (none, unless data was altered) last.
  const names = [
    ...fields.map((f) => f.name).filter((name) => answers.values[name] !== undefined),
    ...Object.keys(answers.values).filter((name) => !byName.has(name)),
  ];
  return (
    <Card variant="outlined" data-testid={`form-answers-${answers.kind}-${answers.version}`}>
      <CardContent>
        <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
          <Typography variant="subtitle2">{translate(`guanai.formDefs.kinds.${answers.kind}`)}</Typography>
          <Chip size="small" label={translate('guanai.formDefs.version', { version: answers.version })} />
          {definition?.districtName && <Chip size="small" variant="outlined" label={definition.districtName} />}
          <Typography variant="caption" color="text.secondary">
            {translate('guanai.formDefs.answeredBy', {
              at: new Date(event.at).toLocaleString(locale === 'en' ? 'en-GB' : 'zh-CN'),
              who: event.actorName ?? '—',
            })}
          </Typography>
        </Stack>
        {!definition ? (
          <Typography variant="body2" color="text.secondary">
            {translate('guanai.formDefs.loadingVersion')}
          </Typography>
        ) : (
          <Stack component="dl" spacing={0.5} sx={{ m: 0 }}>
            {names.map((name) => (
              <Stack key={name} direction={{ xs: 'column', sm: 'row' }} spacing={{ xs: 0, sm: 1 }}>
                <Typography component="dt" variant="body2" color="text.secondary" sx={{ minWidth: 160 }}>
                  {byName.has(name) ? localText(byName.get(name)!.label, locale) : name}
                </Typography>
                <Typography component="dd" variant="body2" sx={{ m: 0 }}>
                  {shown(byName.get(name), answers.values[name], locale, translate)}
                </Typography>
              </Stack>
            ))}
          </Stack>
        )}
      </CardContent>
    </Card>
  );
}

/**
 * The case's defined-form answers (issue 17), newest first, each shown with the version it was given with
 * (第N版): its labels and choices, whatever version is current now.
 */
export function CaseFormAnswers() {
  const record = useRecordContext<{ events?: TCaseEvent[] }>();
  const translate = useTranslate();
  const answered: Answered[] = (record?.events ?? [])
    .filter((event) => (event.payload as { answers?: unknown }).answers)
    .map((event) => ({ event, answers: (event.payload as { answers: FormAnswers }).answers }))
    .reverse();
  const ids = [...new Set(answered.map((a) => a.answers.definitionId))];
  const { data: definitions } = useGetMany<TFormDefinition>('forms', { ids }, { enabled: ids.length > 0 });
  if (answered.length === 0) return null;
  const byId = new Map((definitions ?? []).map((d) => [d.id, d]));
  return (
    <Stack spacing={1} data-testid="case-form-answers">
      <Typography variant="subtitle1">{translate('guanai.formDefs.answers')}</Typography>
      {answered.map((a) => (
        <AnswerCard key={a.event.seq} answered={a} definition={byId.get(a.answers.definitionId)} />
      ))}
    </Stack>
  );
}
