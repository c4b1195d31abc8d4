/**
 * 移交与代理 (issue 15): a supervisor's reassignment and release of tasks, one or many; a user's deactivation or move
 * with the handover of their tasks; absences and their delegates. Chinese is the source of truth: en/handover.ts is
 * typed against this file.
 */
export const handover = {
  resources: {
    absences: {
      name: '休假代理 |||| 休假代理',
      fields: {
        userId: '休假人',
        userName: '休假人',
        unitName: '所属单位',
        delegateId: '代理人',
        delegateName: '代理人',
        startsAt: '开始时间',
        endsAt: '结束时间',
        note: '说明',
        active: '状态',
      },
    },
  },
  guanai: {
    handover: {
      assignTo: '指派给…',
      backToQueue: '退回队列',
      reassign: '改派',
      release: '退回队列',
      assignTitle: '将 %{smart_count} 个任务指派给同事',
      releaseTitle: '将 %{smart_count} 个任务退回所属单位的队列',
      colleague: '同事',
      colleagueHelp: '本单位及下级单位的在岗同事；休假中的同事由其代理人接手',
      reason: '原因',
      reasonHelp: '必填，记入每个案件的事件记录',
      confirm: '确定',
      close: '关闭',
      cancel: '取消',
      results: '处理结果',
      summary: '已处理 %{done} 个，未处理 %{refused} 个',
      outcomes: { REASSIGNED: '已改派', RELEASED: '已退回队列', REFUSED: '未处理' },
      reassigned: '已改派任务',
      released: '已退回队列',
      coveredBy: '您休假期间由 %{name} 代理（至 %{until}）',
      covering: '您正在代理 %{name}（至 %{until}）',
      user: {
        claimed: '该用户当前认领了 %{smart_count} 个未完成任务',
        handoverTo: '移交给同事',
        handoverToHelp: '不选则全部退回各自所属单位的队列',
        confirmTitle: '确认停用或调动',
        confirmContent: '保存后，%{smart_count} 个已认领的任务将移交给 %{to}。',
        toQueue: '所属单位的队列',
        done: '已保存；%{smart_count} 个任务已移交',
      },
    },
    absences: {
      menu: '休假代理',
      mine: '我的休假',
      team: '团队休假',
      covering: '我代理的',
      create: '登记休假',
      end: '结束',
      ended: '休假已结束',
      created: '已登记休假',
      states: { active: '进行中', upcoming: '未开始', over: '已结束' },
      forMember: '为团队成员登记（不选则为本人）',
    },
  },
};
