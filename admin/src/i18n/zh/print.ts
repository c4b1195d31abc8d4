/**
 * 打印: the print pages' toolbar and the buttons that open them (the paper itself is Chinese, whatever the screen's
 * language). Chinese is the source of truth: en/print.ts is typed against this file.
 */
export const print = {
  guanai: {
    print: {
      button: '打印',
      caseSummary: '打印案件摘要（申请审批表）',
      plan: '打印援助方案',
      ledger: '打印台账',
      thisMonth: '本月救助台账',
      lastMonth: '上月救助台账',
      toolbar: '打印工具栏',
      print: '打印',
      back: '返回',
      month: '月份',
      hint: '可在打印对话框中选择“另存为 PDF”。',
      loading: '正在加载',
      failed: '无法加载打印内容：',
    },
  },
};
