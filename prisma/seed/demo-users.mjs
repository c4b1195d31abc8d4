// One demo user per role, plus a second township and the upper tiers for jurisdiction demos.
// Plain JavaScript so that `npm start` can print the logins without a TypeScript loader.
export const DEMO_PASSWORD = 'Guanai@2026';

export const demoUsers = [
  { username: 'discoverer', displayName: '网格员 李明', role: 'DISCOVERER', unitCode: '510104017001' },
  { username: 'station', displayName: '站长 王芳', role: 'STATION_WORKER', unitCode: '510104017001' },
  { username: 'caseworker', displayName: '社工 张伟', role: 'CASEWORKER', unitCode: '510104017000' },
  { username: 'supervisor', displayName: '督导 陈静', role: 'SUPERVISOR', unitCode: '510104017000' },
  { username: 'caseworker2', displayName: '社工 刘洋 (东湖街道)', role: 'CASEWORKER', unitCode: '510104018000' },
  { username: 'district.supervisor', displayName: '区中心主任 赵强', role: 'SUPERVISOR', unitCode: '510104000000' },
  { username: 'city.supervisor', displayName: '市中心主任 周敏', role: 'SUPERVISOR', unitCode: '510100000000' },
  { username: 'manager', displayName: '民政 孙丽', role: 'MANAGER', unitCode: '510100000000' },
  { username: 'district.manager', displayName: '区民政 钱磊', role: 'MANAGER', unitCode: '510104000000' },
  {
    username: 'partner',
    displayName: '慈善会 吴军',
    role: 'PARTNER',
    unitCode: '510100000000',
    partner: '成都市慈善总会',
  },
  {
    username: 'partner.sw',
    displayName: '益民社工 何静',
    role: 'PARTNER',
    unitCode: '510100000000',
    partner: '锦江区益民社会工作服务中心',
  },
  {
    username: 'team',
    displayName: '志愿服务队 队长 郑宇',
    role: 'PARTNER',
    unitCode: '510100000000',
    partner: '水井坊志愿服务队',
  },
  { username: 'admin', displayName: '系统管理员', role: 'ADMIN', unitCode: '510100000000' },
];
