import type { TPersonImport as Import } from '@guanai/api/types';
import DownloadIcon from '@mui/icons-material/Download';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import {
  Alert,
  Box,
  Button as MuiButton,
  Card,
  CardContent,
  LinearProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { Button, Title, useDataProvider, useTranslate } from 'react-admin';
import type { GuanaiDataProvider } from '../providers/dataProvider.ts';
import { useCan } from '../providers/useCan.ts';
import { useNotifyProblem } from '../tasks/useTaskActions.ts';
import { saveBlob } from './ExportButton.tsx';

/** The roster's columns, Chinese name | English name (docs/registry-api.md, Import). */
export const COLUMNS = [
  ['姓名', 'name'],
  ['证件类型', 'id_type'],
  ['证件号码', 'id_number'],
  ['性别', 'sex'],
  ['出生日期', 'birth_date'],
  ['电话', 'phone'],
  ['住址', 'address'],
  ['户籍', 'hukou'],
  ['社区代码', 'community_code'],
  ['户编号', 'household_no'],
  ['与户主关系', 'relation'],
  ['标签', 'tags'],
] as const;

/** A header-only template, with a BOM so that Excel opens the Chinese names as UTF-8. */
export const templateCsv = () => `\uFEFF${COLUMNS.map(([zh]) => zh).join(',')}\r\n`;

/** The API's report, polled once a second until it is done. */
function usePolledImport(pollMs: number) {
  const dataProvider = useDataProvider<GuanaiDataProvider>();
  // The latest notifier, without restarting the poll on every render.
  const notifyProblem = useRef<(error: unknown) => void>(() => undefined);
  const notify = useNotifyProblem();
  useEffect(() => {
    notifyProblem.current = notify;
  });
  const [current, setCurrent] = useState<Import | null>(null);
  const running = current?.status === 'RUNNING';
  const id = current?.id;
  useEffect(() => {
    if (!running || !id) return;
    let stopped = false;
    const poll = async () => {
      try {
        const { data } = await dataProvider.getPeopleImport(id);
        if (!stopped) setCurrent(data);
      } catch (error) {
        if (!stopped) {
          notifyProblem.current(error);
          setCurrent((c) => (c ? { ...c, status: 'FAILED' } : c));
        }
      }
    };
    // poll() catches its own failure (notified, the import shown as failed): nothing is left to await.
    const timer = setTimeout(() => void poll(), pollMs);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
    // Each answer (a new `current`) schedules the next poll.
  }, [current, running, id, pollMs, dataProvider]);
  return [current, setCurrent] as const;
}

function Progress({ current }: { current: Import }) {
  const translate = useTranslate();
  const value = current.total > 0 ? (100 * current.processed) / current.total : undefined;
  return (
    <Stack spacing={1}>
      <LinearProgress variant={value === undefined ? 'indeterminate' : 'determinate'} value={value} />
      <Typography variant="body2">
        {translate('guanai.peopleImport.progress', { processed: current.processed, total: current.total })}
      </Typography>
    </Stack>
  );
}

function Report({ current }: { current: Import }) {
  const translate = useTranslate();
  const t = (key: string) => translate(`guanai.peopleImport.${key}`);
  const counts = [
    [t('total'), current.total],
    [current.dryRun ? t('importable') : t('imported'), current.imported],
    [t('skipped'), current.skipped],
  ] as const;
  return (
    <Stack spacing={2}>
      {current.status === 'FAILED' && <Alert severity="error">{t('failed')}</Alert>}
      {current.dryRun && current.status === 'DONE' && <Alert severity="info">{t('dryRunNote')}</Alert>}
      <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap' }}>
        {counts.map(([label, n]) => (
          <Box key={label}>
            <Typography variant="caption" color="text.secondary">
              {label}
            </Typography>
            <Typography variant="h5">{n}</Typography>
          </Box>
        ))}
      </Stack>
      {current.problems.length === 0 ? (
        <Typography variant="body2">{t('noProblems')}</Typography>
      ) : (
        <TableContainer>
          <Typography variant="subtitle1">{t('problems')}</Typography>
          <Table size="small" aria-label={t('problems')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('line')}</TableCell>
                <TableCell>{t('field')}</TableCell>
                <TableCell>{t('reason')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {current.problems.map((p, i) => (
                <TableRow key={i}>
                  <TableCell>{p.line}</TableCell>
                  <TableCell>{p.field}</TableCell>
                  <TableCell>{p.reason}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </Stack>
  );
}

function Columns() {
  const translate = useTranslate();
  return (
    <TableContainer>
      <Table size="small" aria-label={translate('guanai.peopleImport.columns')}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('guanai.peopleImport.column')}</TableCell>
            <TableCell>{translate('guanai.peopleImport.meaning')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {COLUMNS.map(([zh, en]) => (
            <TableRow key={en}>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                {zh} | {en}
              </TableCell>
              <TableCell>{translate(`guanai.peopleImport.cols.${en}`)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

/**
 * 导入名册: a township's roster (a 低保 list, say) as .csv or .xlsx. A dry run only checks; an import
 * takes the clean rows and skips each bad or duplicate one with its reason. The API works in the
 * background: the page polls the import until it is done.
 */
export function PeopleImport({ pollMs = 1000 }: { pollMs?: number }) {
  const translate = useTranslate();
  const can = useCan();
  const dataProvider = useDataProvider<GuanaiDataProvider>();
  const notifyProblem = useNotifyProblem();
  const [file, setFile] = useState<File | null>(null);
  const [current, setCurrent] = usePolledImport(pollMs);
  const [starting, setStarting] = useState(false);
  const busy = starting || current?.status === 'RUNNING';

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    setFile(event.target.files?.[0] ?? null);
    setCurrent(null);
  };
  const start = async (dryRun: boolean) => {
    if (!file) return;
    setStarting(true);
    try {
      setCurrent((await dataProvider.startPeopleImport(file, dryRun)).data);
    } catch (error) {
      notifyProblem(error);
    } finally {
      setStarting(false);
    }
  };

  return (
    <Card sx={{ mt: 1 }}>
      <Title title={translate('guanai.peopleImport.title')} />
      <CardContent>
        <Stack spacing={2}>
          <Typography variant="body2">{translate('guanai.peopleImport.help')}</Typography>
          <Stack
            direction={{ xs: 'column', sm: 'row' }}
            spacing={1}
            useFlexGap
            sx={{ alignItems: { sm: 'center' }, flexWrap: 'wrap' }}
          >
            <MuiButton variant="outlined" component="label" startIcon={<UploadFileIcon />} disabled={busy}>
              {translate('guanai.peopleImport.chooseFile')}
              <input
                hidden
                type="file"
                accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                onChange={choose}
                onClick={(e) => (e.currentTarget.value = '')}
                data-testid="people-roster-file"
              />
            </MuiButton>
            {file && <Typography variant="body2">{file.name}</Typography>}
          </Stack>
          <Stack direction="row" spacing={1}>
            <Button
              label="guanai.peopleImport.dryRun"
              variant="outlined"
              onClick={() => start(true)}
              disabled={!file || busy || !can('POST /api/people/imports')}
            >
              <FactCheckIcon />
            </Button>
            <Button
              label="guanai.peopleImport.run"
              variant="contained"
              onClick={() => start(false)}
              disabled={!file || busy || !can('POST /api/people/imports')}
            >
              <UploadFileIcon />
            </Button>
          </Stack>
          {current && (current.status === 'RUNNING' ? <Progress current={current} /> : <Report current={current} />)}
          <Typography variant="subtitle1">{translate('guanai.peopleImport.columns')}</Typography>
          <Columns />
          <Box>
            <MuiButton
              startIcon={<DownloadIcon />}
              onClick={() =>
                saveBlob(new Blob([templateCsv()], { type: 'text/csv;charset=utf-8' }), '困难群众名册模板.csv')
              }
            >
              {translate('guanai.peopleImport.template')}
            </MuiButton>
          </Box>
        </Stack>
      </CardContent>
    </Card>
  );
}
