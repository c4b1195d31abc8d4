/**
 * 救助标准 a new installation starts with: SAMPLE DATA (样例数据) in the shape of Chengdu's, not the
 * real figures nor real documents — admins enter the standards in force with their 文号. Amounts in
 * yuan per person per month; the district override (锦江区) shows a district raising the city's.
 */
export interface StandardSeedRow {
  scheme: string;
  /** 行政区划代码 of the district; null: city-wide. */
  districtCode: string | null;
  effectiveFrom: string;
  incomePerPerson: string;
  assetsPerPerson: string | null;
  requireNoAbleWorker: boolean;
  requireNoSupporter: boolean;
  sourceDocument: string;
  note: string;
}

const JINJIANG = '510104000000';
const SAMPLE = '样例数据，非真实文件';

export const sampleEligibilityStandards: StandardSeedRow[] = [
  // 低保: income per head below the standard; financial assets at most 24 months of it per head.
  {
    scheme: 'DIBAO',
    districtCode: null,
    effectiveFrom: '2025-07-01',
    incomePerPerson: '1100.00',
    assetsPerPerson: '26400.00',
    requireNoAbleWorker: false,
    requireNoSupporter: false,
    sourceDocument: '成民发〔2025〕8号',
    note: `城乡低保标准 ${SAMPLE}`,
  },
  {
    scheme: 'DIBAO',
    districtCode: null,
    effectiveFrom: '2026-07-01',
    incomePerPerson: '1150.00',
    assetsPerPerson: '27600.00',
    requireNoAbleWorker: false,
    requireNoSupporter: false,
    sourceDocument: '成民发〔2026〕9号',
    note: `城乡低保标准上调 ${SAMPLE}`,
  },
  {
    scheme: 'DIBAO',
    districtCode: JINJIANG,
    effectiveFrom: '2026-07-01',
    incomePerPerson: '1180.00',
    assetsPerPerson: '28320.00',
    requireNoAbleWorker: false,
    requireNoSupporter: false,
    sourceDocument: '锦民发〔2026〕12号',
    note: `锦江区低保标准（高于全市） ${SAMPLE}`,
  },
  // 特困 (三无): no means of living (income below the 低保 standard), no able worker, no able supporter.
  {
    scheme: 'TEKUN',
    districtCode: null,
    effectiveFrom: '2025-07-01',
    incomePerPerson: '1100.00',
    assetsPerPerson: '26400.00',
    requireNoAbleWorker: true,
    requireNoSupporter: true,
    sourceDocument: '成民发〔2025〕8号',
    note: `特困人员认定条件 ${SAMPLE}`,
  },
  {
    scheme: 'TEKUN',
    districtCode: null,
    effectiveFrom: '2026-07-01',
    incomePerPerson: '1150.00',
    assetsPerPerson: '27600.00',
    requireNoAbleWorker: true,
    requireNoSupporter: true,
    sourceDocument: '成民发〔2026〕9号',
    note: `特困人员认定条件 ${SAMPLE}`,
  },
  // 医疗救助 for low-income households (低收入家庭): 1.5 times the 低保 standard.
  {
    scheme: 'YILIAO',
    districtCode: null,
    effectiveFrom: '2025-07-01',
    incomePerPerson: '1650.00',
    assetsPerPerson: '39600.00',
    requireNoAbleWorker: false,
    requireNoSupporter: false,
    sourceDocument: '成医保发〔2025〕21号',
    note: `低收入家庭医疗救助 ${SAMPLE}`,
  },
];
