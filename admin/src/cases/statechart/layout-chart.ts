import type { Chart, ChartNode } from '@guanai/workflows/chart';
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk.bundled.js';

/** Sizes in px of the drawing: readable on a phone at 1:1, where the diagram scrolls sideways. */
export const FONT = { state: 13, edge: 11, title: 12 } as const;
const STATE_HEIGHT = 32;
const HISTORY_HEIGHT = 20;
const INITIAL_SIZE = 10;
const COMPOUND_TOP = 26;

/**
 * Rough width of a text at a font size: CJK characters are square, the rest about half as wide. ELK
 * needs every box's size before it places anything, and the browser's font is not measured here
 * (component tests run without a canvas); a little slack keeps labels inside their boxes.
 */
export function textWidth(text: string, size: number): number {
  let width = 0;
  for (const char of text) width += (char.codePointAt(0) ?? 0) >= 0x2e80 ? size : size * 0.62;
  return Math.ceil(width);
}

export interface Labels {
  /** A state's name as the reader sees it. */
  state(node: ChartNode): string;
  /** An event's name; `null` for an eventless transition. */
  event(event: string | null): string;
}

export interface PlacedNode {
  id: string;
  kind: ChartNode['kind'] | 'initial';
  label: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** True for a state that has states inside it (drawn as a frame). */
  compound: boolean;
  depth: number;
}

export interface PlacedEdge {
  id: string;
  from: string;
  to: string;
  event: string | null;
  /** The route, start to end, in the drawing's coordinates. */
  points: { x: number; y: number }[];
  label: { text: string; x: number; y: number; width: number; height: number } | null;
}

export interface ChartLayout {
  width: number;
  height: number;
  nodes: PlacedNode[];
  edges: PlacedEdge[];
}

/** The pseudo-state that points at a compound state's initial child (a filled dot, as statecharts draw it). */
const initialId = (parent: string) => `${parent}#initial`;

/**
 * Places a chart with ELK's layered algorithm, top to bottom, nested states as compound nodes, every
 * coordinate relative to the drawing. The root is the canvas, not a box. Transitions to the same
 * state under the same event from several states (ESCALATE from every working step) carry one label.
 */
export async function layoutChart(
  chart: Chart,
  labels: Labels,
  options: Record<string, string> = {},
): Promise<ChartLayout> {
  const order = new Map(chart.nodes.map((node, index) => [node.id, index]));
  const byId = new Map(chart.nodes.map((node) => [node.id, node]));
  const labelOf = new Map(chart.nodes.map((node) => [node.id, labels.state(node)]));

  const toElk = (node: ChartNode): ElkNode => {
    const label = labelOf.get(node.id) ?? node.key;
    const children = node.children.map((id) => toElk(byId.get(id)!));
    if (node.initial) children.unshift({ id: initialId(node.id), width: INITIAL_SIZE, height: INITIAL_SIZE });
    if (node.kind === 'compound' || node.kind === 'parallel') {
      return {
        id: node.id,
        children,
        layoutOptions: {
          'elk.padding': `[top=${COMPOUND_TOP + 8},left=12,bottom=12,right=12]`,
          'elk.nodeSize.constraints': 'MINIMUM_SIZE',
          'elk.nodeSize.minimum': `(${textWidth(label, FONT.title) + 24}, 40)`,
        },
      };
    }
    if (node.kind === 'history')
      return { id: node.id, width: textWidth(label, FONT.edge) + 14, height: HISTORY_HEIGHT };
    return { id: node.id, width: Math.max(textWidth(label, FONT.state) + 28, 64), height: STATE_HEIGHT };
  };

  const labelled = new Set<string>();
  const edges: ElkExtendedEdge[] = chart.edges.map((edge) => {
    const text = labels.event(edge.event);
    const key = `${edge.event}→${edge.to}`;
    const first = !labelled.has(key);
    labelled.add(key);
    return {
      id: edge.id,
      sources: [edge.from],
      targets: [edge.to],
      // A step forward in machine.ts's order points down; a way back (a plan returned) is the one bent.
      layoutOptions: {
        'elk.layered.priority.direction': (order.get(edge.to) ?? 0) > (order.get(edge.from) ?? 0) ? '10' : '0',
      },
      labels: first
        ? [{ id: `${edge.id}#label`, text, width: textWidth(text, FONT.edge) + 6, height: FONT.edge + 5 }]
        : [],
    };
  });
  for (const node of chart.nodes)
    if (node.initial)
      edges.push({
        id: `${initialId(node.id)}→${node.initial}`,
        sources: [initialId(node.id)],
        targets: [node.initial],
      });

  const root = byId.get(chart.root)!;
  const graph: ElkNode = {
    ...toElk(root),
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.layered.spacing.nodeNodeBetweenLayers': '28',
      'elk.layered.spacing.edgeNodeBetweenLayers': '12',
      'elk.spacing.nodeNode': '24',
      'elk.spacing.edgeNode': '12',
      'elk.spacing.edgeEdge': '8',
      'elk.spacing.edgeLabel': '3',
      'elk.edgeLabels.placement': 'CENTER',
      'elk.layered.edgeLabels.centerLabelPlacementStrategy': 'TAIL_LAYER',
      'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
      // The states in machine.ts's order: the flow reads top to bottom as the file does, and a
      // transition back to an earlier step (a plan returned, an escalation returned) is the one bent back.
      'elk.layered.cycleBreaking.strategy': 'GREEDY_MODEL_ORDER',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
      'elk.padding': '[top=8,left=8,bottom=8,right=8]',
      // Every shape and route in the drawing's coordinates, whatever state it sits in.
      'elk.json.shapeCoords': 'ROOT',
      'elk.json.edgeCoords': 'ROOT',
      ...options,
    },
    edges,
  };
  // ELK (1.4 MB, compiled from Java) loads with the first case page, not with the admin.
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const placed = await new ELK().layout(graph);

  const nodes: PlacedNode[] = [];
  const walk = (node: ElkNode, depth: number) => {
    for (const child of node.children ?? []) {
      const source = byId.get(child.id);
      nodes.push({
        id: child.id,
        kind: source ? source.kind : 'initial',
        label: source ? (labelOf.get(child.id) ?? source.key) : '',
        x: child.x ?? 0,
        y: child.y ?? 0,
        width: child.width ?? 0,
        height: child.height ?? 0,
        compound: Boolean(child.children?.length),
        depth,
      });
      walk(child, depth + 1);
    }
  };
  walk(placed, 0);

  const source = new Map(chart.edges.map((edge) => [edge.id, edge]));
  const placedEdges: PlacedEdge[] = (placed.edges ?? []).map((edge) => {
    const section = edge.sections?.[0];
    const points = section ? [section.startPoint, ...(section.bendPoints ?? []), section.endPoint] : [];
    const label = edge.labels?.[0];
    const from = source.get(edge.id);
    return {
      id: edge.id,
      from: edge.sources[0]!,
      to: edge.targets[0]!,
      event: from ? from.event : null,
      points: points.map(({ x, y }) => ({ x, y })),
      label: label
        ? {
            text: label.text ?? '',
            x: label.x ?? 0,
            y: label.y ?? 0,
            width: label.width ?? 0,
            height: label.height ?? 0,
          }
        : null,
    };
  });
  return { width: placed.width ?? 0, height: placed.height ?? 0, nodes, edges: placedEdges };
}
