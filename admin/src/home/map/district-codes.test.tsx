import { describe, expect, it } from 'vitest';
import { chengduGeoJson, featureNames } from './chengdu-geo.ts';
import { districtCode } from './district-codes.ts';
import divisions from '@guanai/db/chengdu-divisions.csv?raw';

/** The seed's divisions (prisma/seed/chengdu-divisions.csv): the 20 statistical districts and the 3 functional areas. */
const seedDistricts = divisions
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split(','))
  .filter(([, , level]) => level === 'DISTRICT')
  .map(([code, name]) => ({ code: code!, name: name! }));
const FUNCTIONAL_AREAS = ['510190000000', '510191000000', '510192000000'];

describe('the map’s district names → our division codes', () => {
  it('the polygon file has the 20 districts, counties and county-level cities, in ECharts’ compressed form', () => {
    expect(featureNames).toHaveLength(20);
    expect(chengduGeoJson.UTF8Encoding).toBe(true);
  });

  it.each(featureNames)('%s maps to a district of the seed', (name) => {
    const code = districtCode(name);
    expect(code, name).toBeDefined();
    expect(seedDistricts.map((d) => d.code)).toContain(code);
  });

  it('the 20 features map to 20 different codes: every district of the seed but the 3 functional areas', () => {
    const codes = featureNames.map(districtCode);
    expect(new Set(codes).size).toBe(20);
    const withoutPolygon = seedDistricts.filter((d) => !codes.includes(d.code)).map((d) => d.code);
    expect(withoutPolygon.sort()).toEqual(FUNCTIONAL_AREAS);
  });

  it('the renamed ones: 新津县 → 新津区, 郫都区 and 简阳市 by their codes', () => {
    expect(districtCode('新津县')).toBe('510118000000');
    expect(seedDistricts.find((d) => d.code === districtCode('新津县'))?.name).toBe('新津区');
    expect(districtCode('郫都区')).toBe('510117000000');
    expect(districtCode('简阳市')).toBe('510185000000');
  });
});
