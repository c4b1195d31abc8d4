import { FONT, type ChartLayout, type PlacedEdge, type PlacedNode } from './layout-chart.ts';

/** What to mark on the drawing: node and edge ids of the chart. */
export interface ChartMarks {
  /** The state the case is in, and the states around it (lit less strongly). */
  current: string | null;
  currentAncestors: ReadonlySet<string>;
  visited: ReadonlySet<string>;
  taken: ReadonlySet<string>;
  /** Transitions out of the current state: where the case may go next. */
  next: ReadonlySet<string>;
}

export const COLORS = {
  current: '#1565c0',
  visited: '#e3f2fd',
  visitedStroke: '#64b5f6',
  taken: '#1976d2',
  next: '#ef6c00',
  line: '#9e9e9e',
  text: '#212121',
  muted: '#616161',
  frame: '#bdbdbd',
} as const;

export const FONT_FAMILY =
  '"PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", "Source Han Sans SC", system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

const route = (edge: PlacedEdge) => edge.points.map((p, i) => `${i ? 'L' : 'M'}${p.x},${p.y}`).join(' ');

function Frame({ node, lit }: { node: PlacedNode; lit: boolean }) {
  return (
    <g data-state-id={node.id} data-current-parent={lit || undefined}>
      <rect
        x={node.x}
        y={node.y}
        width={node.width}
        height={node.height}
        rx={12}
        fill={node.depth % 2 ? '#fafafa' : '#f5f7fa'}
        stroke={lit ? COLORS.current : COLORS.frame}
        strokeWidth={lit ? 2 : 1}
      />
      <text
        x={node.x + 12}
        y={node.y + 19}
        fontSize={FONT.title}
        fontWeight={600}
        fill={lit ? COLORS.current : COLORS.muted}
      >
        {node.label}
      </text>
    </g>
  );
}

function State({ node, marks }: { node: PlacedNode; marks: ChartMarks }) {
  const current = marks.current === node.id;
  const visited = marks.visited.has(node.id);
  const cx = node.x + node.width / 2;
  const cy = node.y + node.height / 2;
  if (node.kind === 'initial') return <circle cx={cx} cy={cy} r={node.width / 2} fill={COLORS.text} />;
  if (node.kind === 'history') {
    return (
      <g data-state-id={node.id}>
        <rect
          x={node.x}
          y={node.y}
          width={node.width}
          height={node.height}
          rx={node.height / 2}
          fill="#fff"
          stroke={COLORS.muted}
          strokeDasharray="3 2"
        />
        <text x={cx} y={cy} fontSize={FONT.edge} fill={COLORS.muted} textAnchor="middle" dominantBaseline="central">
          {node.label}
        </text>
      </g>
    );
  }
  const fill = current ? COLORS.current : visited ? COLORS.visited : '#fff';
  const stroke = current ? COLORS.current : visited ? COLORS.visitedStroke : COLORS.line;
  return (
    <g
      data-state-id={node.id}
      data-current={current || undefined}
      data-visited={visited || undefined}
      aria-current={current ? 'step' : undefined}
    >
      {current && (
        <rect
          x={node.x - 4}
          y={node.y - 4}
          width={node.width + 8}
          height={node.height + 8}
          rx={node.height / 2 + 4}
          fill="none"
          stroke={COLORS.current}
          strokeOpacity={0.35}
          strokeWidth={3}
        />
      )}
      <rect
        x={node.x}
        y={node.y}
        width={node.width}
        height={node.height}
        rx={node.height / 2}
        fill={fill}
        stroke={stroke}
        strokeWidth={current || visited ? 2 : 1.2}
      />
      {node.kind === 'final' && (
        <rect
          x={node.x + 3}
          y={node.y + 3}
          width={node.width - 6}
          height={node.height - 6}
          rx={node.height / 2 - 3}
          fill="none"
          stroke={current ? '#fff' : stroke}
        />
      )}
      <text
        x={cx}
        y={cy}
        fontSize={FONT.state}
        fontWeight={current ? 700 : visited ? 600 : 400}
        fill={current ? '#fff' : COLORS.text}
        textAnchor="middle"
        dominantBaseline="central"
      >
        {node.label}
      </text>
    </g>
  );
}

function Edge({ edge, marks }: { edge: PlacedEdge; marks: ChartMarks }) {
  const taken = marks.taken.has(edge.id);
  const next = !taken && marks.next.has(edge.id);
  const color = taken ? COLORS.taken : next ? COLORS.next : COLORS.line;
  return (
    <path
      d={route(edge)}
      data-edge={edge.id}
      data-taken={taken || undefined}
      data-next={next || undefined}
      fill="none"
      stroke={color}
      strokeWidth={taken ? 2.5 : next ? 1.8 : 1.1}
      strokeDasharray={next ? '5 3' : undefined}
      markerEnd={`url(#arrow-${taken ? 'taken' : next ? 'next' : 'line'})`}
    />
  );
}

function EdgeLabel({ edge, marks }: { edge: PlacedEdge; marks: ChartMarks }) {
  if (!edge.label) return null;
  const { text, x, y, width, height } = edge.label;
  const taken = marks.taken.has(edge.id);
  const next = !taken && marks.next.has(edge.id);
  return (
    <g>
      <rect x={x} y={y} width={width} height={height} rx={3} fill="#fff" fillOpacity={0.9} />
      <text
        x={x + width / 2}
        y={y + height / 2}
        fontSize={FONT.edge}
        fontWeight={taken ? 600 : 400}
        fill={taken ? COLORS.taken : next ? COLORS.next : COLORS.muted}
        textAnchor="middle"
        dominantBaseline="central"
      >
        {text}
      </text>
    </g>
  );
}

const ARROWS = { line: COLORS.line, taken: COLORS.taken, next: COLORS.next } as const;

/** The laid-out chart as SVG at `scale` (1 = the size ELK gave it). */
export function StatechartDiagram({
  layout,
  marks,
  scale,
  title,
}: {
  layout: ChartLayout;
  marks: ChartMarks;
  scale: number;
  title: string;
}) {
  const frames = layout.nodes.filter((node) => node.compound).sort((a, b) => a.depth - b.depth);
  const states = layout.nodes.filter((node) => !node.compound);
  return (
    <svg
      role="img"
      aria-label={title}
      width={Math.ceil(layout.width * scale)}
      height={Math.ceil(layout.height * scale)}
      viewBox={`0 0 ${Math.ceil(layout.width)} ${Math.ceil(layout.height)}`}
      fontFamily={FONT_FAMILY}
      style={{ display: 'block' }}
    >
      <title>{title}</title>
      <defs>
        {Object.entries(ARROWS).map(([name, color]) => (
          <marker
            key={name}
            id={`arrow-${name}`}
            viewBox="0 0 10 10"
            refX={9}
            refY={5}
            markerWidth={7}
            markerHeight={7}
            orient="auto-start-reverse"
          >
            <path d="M0,0 L10,5 L0,10 z" fill={color} />
          </marker>
        ))}
      </defs>
      {frames.map((node) => (
        <Frame key={node.id} node={node} lit={marks.currentAncestors.has(node.id)} />
      ))}
      {/* Taken and next transitions last, so that they are drawn over the others. */}
      {[...layout.edges]
        .sort((a, b) => rank(a, marks) - rank(b, marks))
        .map((edge) => (
          <Edge key={edge.id} edge={edge} marks={marks} />
        ))}
      {states.map((node) => (
        <State key={node.id} node={node} marks={marks} />
      ))}
      {layout.edges.map((edge) => (
        <EdgeLabel key={edge.id} edge={edge} marks={marks} />
      ))}
    </svg>
  );
}

const rank = (edge: PlacedEdge, marks: ChartMarks) => (marks.taken.has(edge.id) ? 2 : marks.next.has(edge.id) ? 1 : 0);
