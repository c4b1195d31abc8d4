import type { THomeMap } from '@guanai/api/types';
import { useMediaQuery, useTheme } from '@mui/material';
import { MapChart } from 'echarts/charts';
import { TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useMemo, useState } from 'react';
import { useTranslate } from 'react-admin';
import { CHENGDU_MAP, chengduGeoJson, featureNames } from './chengdu-geo.ts';
import { districtCode, featureName } from './district-codes.ts';

// Only what the map needs of ECharts (the whole library is several times larger).
echarts.use([MapChart, TooltipComponent, VisualMapComponent, CanvasRenderer]);
echarts.registerMap(CHENGDU_MAP, chengduGeoJson as unknown as Parameters<typeof echarts.registerMap>[1]);

type Instance = ReturnType<typeof echarts.init>;

/** Chengdu's 20 district polygons coloured by the chosen figure; a click on one reports its division code. */
export default function DistrictMap({ map, onSelect }: { map: THomeMap; onSelect: (code: string) => void }) {
  const translate = useTranslate();
  const theme = useTheme();
  const phone = useMediaQuery(theme.breakpoints.down('sm'));
  const rate = map.figure !== 'open';
  // Where each district is drawn (its label point, in pixels): for the browser tests, which click on the canvas.
  const [centers, setCenters] = useState<Record<string, [number, number]>>({});
  const option = useMemo(() => {
    const data = featureNames.map((name) => {
      const area = map.areas.find((a) => a.code === districtCode(name));
      return { name, value: area?.value ?? null, label: area?.name ?? name };
    });
    const max = Math.max(rate ? 0.01 : 1, ...data.map((d) => d.value ?? 0));
    return {
      tooltip: {
        trigger: 'item',
        formatter: (p: { data?: { label: string; value: number | null } }) =>
          p.data
            ? `${p.data.label}<br/>${translate(`guanai.home.map.figures.${map.figure}`)}: ${
                p.data.value === null ? '—' : rate ? `${(p.data.value * 100).toFixed(1)}%` : p.data.value
              }`
            : '',
      },
      visualMap: {
        min: 0,
        max,
        calculable: true,
        formatter: (value: number) => (rate ? `${(value * 100).toFixed(0)}%` : String(Math.round(value))),
        left: 0,
        bottom: 0,
        itemHeight: phone ? 80 : 120,
        text: [rate ? `${(max * 100).toFixed(0)}%` : String(max), '0'],
        inRange: { color: ['#e3f2fd', '#1565c0'] },
      },
      series: [
        {
          type: 'map',
          map: CHENGDU_MAP,
          roam: false,
          selectedMode: false,
          // Our names (新津区, not the file's 新津县).
          label: {
            show: !phone,
            fontSize: 10,
            formatter: (p: { name: string; data?: { label: string } }) => p.data?.label ?? p.name,
          },
          layoutCenter: ['50%', '50%'],
          layoutSize: '100%',
          emphasis: { label: { show: true }, itemStyle: { areaColor: '#ffb74d' } },
          data,
        },
      ],
    };
  }, [map, rate, phone, translate]);
  const measure = (chart: Instance) => {
    const found: Record<string, [number, number]> = {};
    for (const feature of chengduGeoJson.features) {
      const code = districtCode(feature.properties.name);
      const cp = feature.properties.cp;
      if (!code || !cp) continue;
      const pixel = chart.convertToPixel({ seriesIndex: 0 }, cp) as number[] | undefined;
      if (pixel) found[code] = [Math.round(pixel[0]!), Math.round(pixel[1]!)];
    }
    setCenters(found);
  };
  return (
    <div data-testid="district-map" data-centers={JSON.stringify(centers)}>
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        notMerge
        style={{ height: phone ? 340 : 460, width: '100%' }}
        onChartReady={(chart: Instance) => setTimeout(() => measure(chart), 0)}
        onEvents={{
          click: (p: { name: string }) => {
            const code = districtCode(p.name);
            if (code) onSelect(code);
          },
        }}
      />
      {/* The names the polygons carry, for a screen reader (the canvas has none). */}
      <span style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>
        {map.areas
          .filter((a) => featureName(a.code, featureNames))
          .map((a) => a.name)
          .join('、')}
      </span>
    </div>
  );
}
