import { caseChart } from '@guanai/workflows/chart';
import polyglotI18nProvider from 'ra-i18n-polyglot';
import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en/index.ts';
import { zh } from '../../i18n/zh/index.ts';
import { chartLabels } from './CaseStatechart.tsx';
import { layoutChart, type ChartLayout } from './layout-chart.ts';

type Box = { x: number; y: number; width: number; height: number };
const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width &&
  inner.y + inner.height <= outer.y + outer.height;

async function laidOut(messages: object, locale: string): Promise<ChartLayout> {
  const provider = polyglotI18nProvider(() => messages as never, locale);
  const translate = ((key: string, options?: object) => provider.translate(key, options)) as never;
  return layoutChart(caseChart(), chartLabels(translate));
}

describe('the case machine laid out by ELK', () => {
  for (const [locale, messages] of [
    ['zh', zh],
    ['en', en],
  ] as const) {
    it(`(${locale}) every state is placed inside the state that holds it, and no label covers a state or another label`, async () => {
      const layout = await laidOut(messages, locale);
      const chart = caseChart();
      const placed = new Map(layout.nodes.map((node) => [node.id, node]));
      for (const node of chart.nodes.filter((n) => n.id !== chart.root)) {
        expect(placed.has(node.id), node.id).toBe(true);
        if (node.parent !== chart.root)
          expect(inside(placed.get(node.id)!, placed.get(node.parent!)!), node.id).toBe(true);
      }
      expect(layout.edges.filter((edge) => edge.points.length >= 2)).toHaveLength(layout.edges.length);

      const boxes = layout.nodes.filter((node) => !node.compound);
      const labels = layout.edges.flatMap((edge) => (edge.label ? [{ ...edge.label, id: edge.id }] : []));
      for (const label of labels) {
        for (const node of boxes) expect(overlap(label, node), `${label.text} on ${node.label}`).toBe(false);
        for (const other of labels)
          if (other.id !== label.id) expect(overlap(label, other), `${label.text} on ${other.text}`).toBe(false);
      }
      // Frames' titles sit above their first row of states.
      for (const frame of layout.nodes.filter((node) => node.compound))
        for (const node of boxes.filter((n) => inside(n, frame)))
          expect(node.y, `${node.label} under ${frame.label}`).toBeGreaterThanOrEqual(frame.y + 26);
    });
  }
});
