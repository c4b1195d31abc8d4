import type { TOrgRosterImportResult } from '@guanai/api/types';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import {
  Alert,
  Button as MuiButton,
  Card,
  CardContent,
  List as MuiList,
  ListItem,
  ListItemText,
  Stack,
  Typography,
} from '@mui/material';
import { useState, type ChangeEvent } from 'react';
import { Button, Title, useDataProvider, useNotify, useTranslate } from 'react-admin';
import type { GuanaiDataProvider } from '../providers/dataProvider.ts';
import { problemMessage, type Problem } from '../providers/http.ts';

interface RowProblem {
  line: number | null;
  field: string;
  reason: string;
}

/** The API names each bad row's field as "line 7: parent_code". */
function rowProblems(problem: Problem | undefined): RowProblem[] {
  return (problem?.errors ?? []).map(({ field, reason }) => {
    const match = /^line (\d+): (.*)$/.exec(field);
    return match ? { line: Number(match[1]), field: match[2]!, reason } : { line: null, field, reason };
  });
}

type Report =
  { kind: 'clean'; result: TOrgRosterImportResult } | { kind: 'bad'; problems: RowProblem[]; message: string };

/** Admin: 导入名册 — checks a CSV roster of units (every bad row listed), then imports it once clean. */
export function RosterImport() {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<GuanaiDataProvider>();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [busy, setBusy] = useState(false);

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    setFile(event.target.files?.[0] ?? null);
    setReport(null);
  };

  const send = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    try {
      const { data } = await dataProvider.importOrgUnits(await file.text(), dryRun);
      setReport({ kind: 'clean', result: data });
      if (!dryRun) notify('guanai.orgUnits.imported', { type: 'success', messageArgs: { imported: data.imported } });
    } catch (error) {
      const problem = (error as { body?: Problem }).body;
      const problems = rowProblems(problem);
      if (problems.length) setReport({ kind: 'bad', problems, message: problem?.detail ?? '' });
      else
        notify('guanai.notifications.error', {
          type: 'error',
          messageArgs: { reason: problemMessage(error, translate) },
        });
    } finally {
      setBusy(false);
    }
  };

  const cleanDryRun = report?.kind === 'clean' && report.result.dryRun;
  return (
    <Card sx={{ mt: 1 }}>
      <Title title={translate('guanai.orgUnits.importTitle')} />
      <CardContent>
        <Stack spacing={2}>
          <Typography variant="body2">{translate('guanai.orgUnits.importHelp')}</Typography>
          <Stack
            direction={{ xs: 'column', sm: 'row' }}
            spacing={1}
            useFlexGap
            sx={{ alignItems: { sm: 'center' }, flexWrap: 'wrap' }}
          >
            <MuiButton variant="outlined" component="label" startIcon={<UploadFileIcon />}>
              {translate('guanai.orgUnits.chooseFile')}
              <input
                hidden
                type="file"
                accept=".csv,text/csv"
                onChange={choose}
                onClick={(e) => (e.currentTarget.value = '')}
                data-testid="roster-file"
              />
            </MuiButton>
            {file && <Typography variant="body2">{file.name}</Typography>}
          </Stack>
          <Stack direction="row" spacing={1}>
            <Button
              label="guanai.orgUnits.dryRun"
              variant="outlined"
              onClick={() => send(true)}
              disabled={!file || busy}
            >
              <FactCheckIcon />
            </Button>
            {/* Import only what a dry run found clean. */}
            <Button
              label="guanai.orgUnits.run"
              variant="contained"
              onClick={() => send(false)}
              disabled={!cleanDryRun || busy}
            >
              <UploadFileIcon />
            </Button>
          </Stack>
          {report?.kind === 'clean' && (
            <Alert severity="success">
              {report.result.dryRun
                ? translate('guanai.orgUnits.clean', { rows: report.result.rows })
                : translate('guanai.orgUnits.imported', { imported: report.result.imported })}
            </Alert>
          )}
          {report?.kind === 'bad' && (
            <Alert severity="error">
              <Typography variant="subtitle2">
                {translate('guanai.orgUnits.bad', { smart_count: report.problems.length })}
              </Typography>
              <MuiList dense disablePadding>
                {report.problems.map((p, i) => (
                  <ListItem key={i} disableGutters>
                    <ListItemText
                      primary={`${p.line === null ? '' : `${translate('guanai.orgUnits.line', { line: p.line })} · `}${p.field} — ${p.reason}`}
                    />
                  </ListItem>
                ))}
              </MuiList>
            </Alert>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
}
