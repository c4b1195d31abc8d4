/** 升级看板: the escalation board. Chinese is the source of truth: en/board.ts is typed against this file. */
export const board = {
  guanai: {
    board: { title: '升级看板', incoming: '待审核的上报', overdue: '超期任务（本单位及下级）' },
  },
};
