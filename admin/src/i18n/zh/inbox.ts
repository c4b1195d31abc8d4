/**
 * 待办工作台: the inbox's tabs with their counts, its filters, saved views and export. Chinese is the source of
 * truth: en/inbox.ts is typed against this file. (The inbox's title, its first two tabs and the task fields are in
 * tasks.ts.)
 */
export const inbox = {
  guanai: {
    inbox: {
      tabs: {
        mine: '我的任务',
        unassigned: '待领取',
        unit: '本单位队列',
        dueToday: '今日到期',
        overdue: '已逾期',
        emergency: '紧急',
      },
      filters: {
        dueToday: '今日到期',
        overdue: '已逾期',
        warned: '临近超期',
        emergency: '紧急',
        unassigned: '待领取',
        mineOnly: '只看我的',
        kind: '任务类型',
        anyKind: '全部类型',
        community: '发起社区',
        clear: '清除筛选',
        sortDueAsc: '最早到期在前',
        sortDueDesc: '最晚到期在前',
      },
      views: {
        button: '我的视图',
        save: '保存当前视图…',
        title: '保存当前筛选为视图',
        name: '视图名称',
        saved: '视图已保存',
        deleted: '视图已删除',
        none: '还没有保存的视图',
        delete: '删除视图“%{name}”',
        cancel: '取消',
        confirm: '保存',
      },
      export: {
        button: '导出',
        done: '已导出当前列表',
      },
    },
  },
};
