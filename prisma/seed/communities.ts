/**
 * A sample of villages and communities (村/社区) below a few townships. Their codes extend the
 * township's first nine digits, as statistical codes do; the full roster is imported from CSV.
 */
export const sampleCommunities: Record<string, string[]> = {
  '510104017000': ['水井坊社区', '交子社区', '合江亭社区'], // 锦官驿街道
  '510104018000': ['东湖社区', '静居寺社区', '劼人故居社区'], // 东湖街道
  '510104022000': ['春熙路社区', '红星路社区'], // 春熙路街道
  '510107001000': ['浆洗街社区', '洗面桥社区'], // 浆洗街街道
  '510105007000': ['草堂社区', '浣花社区'], // 草堂街道
  '510121001000': ['五星社区', '红光村', '三星村'], // 赵镇街道 (金堂县)
};
