import type { TFormDefinition } from '@guanai/api/types';
import { FORM_KIND_OF_TASK, type FormKind, type FormLayout } from '@guanai/workflows/forms';
import { Chip, Divider, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useTranslate } from 'react-admin';
import type { GuanaiDataProvider } from '../providers/dataProvider.ts';
import { FormLayoutInputs } from './FormLayoutInputs.tsx';

/** The defined form a task kind records (SCREEN → SCREENING …), if any. */
export const formKindOfTask = (taskKind: string): FormKind | undefined =>
  (FORM_KIND_OF_TASK as Record<string, FormKind>)[taskKind];

/** The version a new answer is given with for this case (its district's, else the city's); null when none. */
export function useCurrentForm(kind: FormKind | undefined, caseId: string) {
  const dataProvider = useDataProvider<GuanaiDataProvider>();
  return useQuery({
    queryKey: ['forms/current', kind, caseId],
    enabled: Boolean(kind),
    retry: false,
    queryFn: async (): Promise<TFormDefinition | null> => {
      try {
        return (await dataProvider.getCurrentForm({ kind: kind!, caseId })).data;
      } catch (error) {
        if ((error as { status?: number }).status === 404) return null;
        throw error;
      }
    },
  });
}

/**
 * The defined form of a kind (issue 17), as the admins published it for the case's district (else the
 * city's): its fields after the task's own, writing `answers` beside the form. Nothing when none is published.
 */
export function DefinedFormFields({ kind, caseId }: { kind: FormKind; caseId: string }) {
  const translate = useTranslate();
  const { data: definition } = useCurrentForm(kind, caseId);
  if (!definition) return null;
  return (
    <Stack spacing={1} sx={{ my: 2 }}>
      <Divider />
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
        <Typography variant="subtitle1">{translate(`guanai.formDefs.kinds.${definition.kind}`)}</Typography>
        <Chip
          size="small"
          variant="outlined"
          label={translate('guanai.formDefs.version', { version: definition.version })}
        />
        {definition.districtName && <Chip size="small" variant="outlined" label={definition.districtName} />}
      </Stack>
      <FormLayoutInputs layout={definition.layout as FormLayout} definitionId={definition.id} />
    </Stack>
  );
}

/** The defined form of a task, when its kind records one. */
export function DefinedTaskFormFields({ task }: { task: { kind: string; caseId: string } }) {
  const kind = formKindOfTask(task.kind);
  return kind ? <DefinedFormFields kind={kind} caseId={task.caseId} /> : null;
}

/**
 * The `answers` to send beside the form: the values filled in (empty ones dropped), or nothing when the
 * task showed no defined form.
 */
export function answersOf(answers: unknown): { definitionId: string; values: Record<string, unknown> } | undefined {
  const given = answers as { definitionId?: string; values?: Record<string, unknown> } | undefined;
  if (!given?.definitionId) return undefined;
  const values = Object.fromEntries(
    Object.entries(given.values ?? {}).filter(([, v]) => v !== '' && v !== null && v !== undefined),
  );
  return { definitionId: given.definitionId, values };
}
