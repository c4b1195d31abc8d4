/**
 * 导出: the export menu of the case, task and match lists (CSV or Excel, the list as it is filtered; the API masks
 * identity numbers and phones and audits each export). Chinese is the source of truth: en/exports.ts is typed
 * against this file.
 */
export const exportMenu = {
  guanai: {
    exports: {
      button: '导出',
      csv: 'CSV 文件',
      xlsx: 'Excel 表格（.xlsx）',
      item: '%{list} · %{format}',
      done: '已导出当前列表',
      lists: {
        cases: '案件列表',
        tasks: '任务列表',
        matches: '对接列表',
        ledgerThisMonth: '本月救助台账',
        ledgerLastMonth: '上月救助台账',
      },
    },
    problems: { 'export-too-large': '列表超过导出上限（10,000 行），请缩小筛选范围后再导出' },
  },
};
