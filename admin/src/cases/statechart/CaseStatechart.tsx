import { caseChart, pathTaken, type Chart, type ChartNode } from '@guanai/workflows/chart';
import FitScreenIcon from '@mui/icons-material/FitScreen';
import ZoomInIcon from '@mui/icons-material/ZoomIn';
import ZoomOutIcon from '@mui/icons-material/ZoomOut';
import CropFreeIcon from '@mui/icons-material/CropFree';
import { Alert, Box, Chip, IconButton, Paper, Stack, Tooltip, Typography } from '@mui/material';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { CaseActions } from '../CaseActions.tsx';
import type { CaseRecord } from '../types.ts';
import { layoutChart, type ChartLayout, type Labels } from './layout-chart.ts';
import { COLORS, StatechartDiagram, type ChartMarks } from './StatechartDiagram.tsx';
import { CaseOpenTasks } from './CaseOpenTasks.tsx';

/** The case machine as a graph, read once from machine.ts's state nodes (not a drawing of it). */
const CHART: Chart = caseChart();
const byId = new Map(CHART.nodes.map((node) => [node.id, node]));
const byName = new Map(
  CHART.nodes.filter((node) => node.kind !== 'history' && node.id !== CHART.root).map((node) => [node.name, node]),
);

const lineage = (id: string | undefined): ChartNode[] => {
  const chain: ChartNode[] = [];
  for (let node = id ? byId.get(id) : undefined; node; node = node.parent ? byId.get(node.parent) : undefined)
    chain.push(node);
  return chain;
};

const MIN_SCALE = 0.3;
const MAX_SCALE = 2;

type Translate = ReturnType<typeof useTranslate>;

/** State and event names in the reader's language: the case's own vocabulary, and the names only the drawing needs. */
export function chartLabels(translate: Translate): Labels {
  return {
    state: (node) =>
      node.kind === 'history'
        ? translate('guanai.statechart.history')
        : translate(`guanai.statechart.names.${node.name}`, {
            _: translate(`guanai.states.${node.name}`, { _: node.key }),
          }),
    event: (event) =>
      event === null ? translate('guanai.statechart.always') : translate(`guanai.events.${event}`, { _: event }),
  };
}

/** What the drawing marks for a case: its state, where it has been, and where it may go from here. */
export function caseMarks(record: Pick<CaseRecord, 'state' | 'events'>): ChartMarks {
  const current = byName.get(record.state)?.id ?? null;
  const around = lineage(current ?? undefined);
  const path = pathTaken(
    CHART,
    [...(record.events ?? [])]
      .sort((a, b) => a.seq - b.seq)
      .map((event) => ({ event: event.type, from: event.fromState, to: event.toState })),
  );
  const from = new Set(around.map((node) => node.id));
  return {
    current,
    currentAncestors: new Set(around.slice(1).map((node) => node.id)),
    visited: new Set(path.states),
    taken: new Set(path.edges),
    next: new Set(CHART.edges.filter((edge) => from.has(edge.from)).map((edge) => edge.id)),
  };
}

/** The states a case went through, oldest first, each move once (a return shows the state again). */
function statesPassed(record: CaseRecord): string[] {
  const names: string[] = [];
  for (const event of [...(record.events ?? [])].sort((a, b) => a.seq - b.seq)) {
    if (event.fromState === event.toState && names.length) continue;
    if (names.at(-1) !== event.toState) names.push(event.toState);
  }
  return names.length ? names : [record.state];
}

function Legend() {
  const translate = useTranslate();
  const swatch = (fill: string, stroke: string, dashed = false) => (
    <svg width={22} height={12} aria-hidden>
      {dashed ? (
        <line x1={1} y1={6} x2={21} y2={6} stroke={stroke} strokeWidth={2} strokeDasharray="4 2" />
      ) : fill === 'line' ? (
        <line x1={1} y1={6} x2={21} y2={6} stroke={stroke} strokeWidth={2.5} />
      ) : (
        <rect x={1} y={1} width={20} height={10} rx={5} fill={fill} stroke={stroke} strokeWidth={1.5} />
      )}
    </svg>
  );
  const items = [
    ['current', swatch(COLORS.current, COLORS.current)],
    ['visited', swatch(COLORS.visited, COLORS.visitedStroke)],
    ['taken', swatch('line', COLORS.taken)],
    ['next', swatch('', COLORS.next, true)],
  ] as const;
  return (
    <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {items.map(([key, icon]) => (
        <Stack key={key} direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
          {icon}
          <Typography variant="caption">{translate(`guanai.statechart.legend.${key}`)}</Typography>
        </Stack>
      ))}
    </Stack>
  );
}

/**
 * 状态图: the case machine drawn from its own definition (a change to machine.ts changes the picture),
 * the case's current state lit, the way it came marked, and beside it what this user may do now (the
 * case-level actions the API offers and the case's open tasks).
 */
export function CaseStatechart() {
  const record = useRecordContext<CaseRecord>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [layout, setLayout] = useState<ChartLayout | null>(null);
  const [failed, setFailed] = useState(false);
  const [scale, setScale] = useState(1);
  const viewport = useRef<HTMLDivElement>(null);
  const centred = useRef<string | null>(null);

  useEffect(() => {
    let live = true;
    layoutChart(CHART, chartLabels(translate)).then(
      (placed) => live && setLayout(placed),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
    // Laid out again only when the language changes the labels' widths.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [locale]);

  const marks = useMemo(() => (record ? caseMarks(record) : null), [record]);

  // Once drawn, the current state is scrolled into the middle of the view (on a phone, the chart is wider).
  useLayoutEffect(() => {
    const box = viewport.current;
    const node = layout?.nodes.find((n) => n.id === marks?.current);
    if (!box || !node || centred.current === `${node.id}@${scale}`) return;
    centred.current = `${node.id}@${scale}`;
    box.scrollLeft = Math.max(0, (node.x + node.width / 2) * scale - box.clientWidth / 2);
    box.scrollTop = Math.max(0, (node.y + node.height / 2) * scale - box.clientHeight / 2);
  }, [layout, marks, scale]);

  if (!record || !marks) return null;
  const current = marks.current ? byId.get(marks.current) : undefined;
  const labels = chartLabels(translate);
  // The names the drawing uses, so the path in words and the picture agree.
  const stateName = (name: string) => {
    const node = byName.get(name);
    return node ? labels.state(node) : translate(`guanai.states.${name}`, { _: name });
  };
  const stateLabel = stateName(record.state);
  const fit = () => {
    const width = viewport.current?.clientWidth ?? 0;
    if (layout && width > 0) setScale(Math.min(1, Math.max(MIN_SCALE, (width - 2) / layout.width)));
  };
  const zoom = (factor: number) => setScale((s) => Math.min(MAX_SCALE, Math.max(MIN_SCALE, s * factor)));
  const quiet = record.status === 'CLOSED' ? [] : [...new Set(lineage(current?.id).flatMap((node) => node.internal))];

  return (
    <Box component="section" aria-label={translate('guanai.statechart.title')}>
      <Typography variant="subtitle1" sx={{ mb: 1 }}>
        {translate('guanai.statechart.title')}
      </Typography>
      <Box
        sx={{
          display: 'grid',
          gap: 2,
          gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'minmax(0, 1fr) 280px' },
          alignItems: 'start',
        }}
      >
        <Stack spacing={1} sx={{ order: { xs: 2, md: 1 }, minWidth: 0 }}>
          <Box aria-label={translate('guanai.statechart.path')} sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5 }}>
            {statesPassed(record).map((name, index, all) => (
              <Stack key={`${name}-${index}`} direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
                <Chip
                  size="small"
                  label={stateName(name)}
                  color={index === all.length - 1 ? 'primary' : 'default'}
                  variant={index === all.length - 1 ? 'filled' : 'outlined'}
                />
                {index < all.length - 1 && (
                  <Typography component="span" variant="caption" aria-hidden>
                    ›
                  </Typography>
                )}
              </Stack>
            ))}
          </Box>
          <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap' }}>
            <Legend />
            <Stack direction="row">
              <Tooltip title={translate('guanai.statechart.zoomOut')}>
                <IconButton size="small" aria-label={translate('guanai.statechart.zoomOut')} onClick={() => zoom(0.8)}>
                  <ZoomOutIcon fontSize="small" />
                </IconButton>
              </Tooltip>
              <Tooltip title={translate('guanai.statechart.zoomIn')}>
                <IconButton size="small" aria-label={translate('guanai.statechart.zoomIn')} onClick={() => zoom(1.25)}>
                  <ZoomInIcon fontSize="small" />
                </IconButton>
              </Tooltip>
              <Tooltip title={translate('guanai.statechart.fit')}>
                <IconButton size="small" aria-label={translate('guanai.statechart.fit')} onClick={fit}>
                  <FitScreenIcon fontSize="small" />
                </IconButton>
              </Tooltip>
              <Tooltip title={translate('guanai.statechart.actual')}>
                <IconButton size="small" aria-label={translate('guanai.statechart.actual')} onClick={() => setScale(1)}>
                  <CropFreeIcon fontSize="small" />
                </IconButton>
              </Tooltip>
            </Stack>
          </Stack>
          <Box
            ref={viewport}
            data-testid="statechart-viewport"
            sx={{
              overflow: 'auto',
              maxHeight: { xs: '60vh', md: 600 },
              border: 1,
              borderColor: 'divider',
              borderRadius: 1,
              bgcolor: '#fff',
              WebkitOverflowScrolling: 'touch',
            }}
          >
            {failed ? (
              <Alert severity="warning">{translate('guanai.statechart.failed')}</Alert>
            ) : layout ? (
              <StatechartDiagram
                layout={layout}
                marks={marks}
                scale={scale}
                title={translate('guanai.statechart.diagram', { state: stateLabel })}
              />
            ) : (
              <Box sx={{ height: 200 }} />
            )}
          </Box>
          {quiet.length > 0 && (
            <Typography variant="caption" color="text.secondary">
              {translate('guanai.statechart.anytime', {
                events: quiet.map((event) => translate(`guanai.events.${event}`, { _: event })).join('、'),
              })}
            </Typography>
          )}
        </Stack>
        <Paper
          component="aside"
          variant="outlined"
          aria-label={translate('guanai.statechart.now')}
          sx={{ p: 1.5, order: { xs: 1, md: 2 }, position: { md: 'sticky' }, top: { md: 72 } }}
        >
          <Stack spacing={1.5}>
            <Typography variant="subtitle2">{translate('guanai.statechart.now')}</Typography>
            <CaseActions />
            <CaseOpenTasks />
            {!record.actions?.length && !record.tasks?.some((task) => task.status === 'OPEN') && (
              <Typography variant="body2" color="text.secondary">
                {translate('guanai.statechart.nothing')}
              </Typography>
            )}
          </Stack>
        </Paper>
      </Box>
    </Box>
  );
}
