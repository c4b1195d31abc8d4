/**
 * 状态图: the case statechart on the case page, drawn from the machine (states and events are named by
 * cases.ts's `guanai.states` and `guanai.events`; here only what the drawing adds). en/statechart.ts is
 * typed against this file.
 */
export const statechart = {
  guanai: {
    statechart: {
      title: '状态图',
      diagram: '案件状态图：当前阶段 %{state}',
      // Names only the drawing needs: the structural states that hold the working steps, and a step
      // that the state chip names like the state around it (方案制定 holds 起草方案 and 方案待审批).
      names: {
        open: '办理中（可暂停、结案）',
        working: '办理流程（可提交联席会议）',
        'planning.drafting': '起草方案',
        'followUp.visiting': '上门回访',
      },
      history: '回原步骤',
      always: '自动',
      legend: {
        current: '当前阶段',
        visited: '经过的阶段',
        taken: '走过的流转',
        next: '下一步可能',
      },
      // Events the current state and the states around it take without a transition (CLAIM, ADD_NOTE …).
      anytime: '在此阶段还可发生（阶段不变）：%{events}',
      path: '已走路径',
      now: '现在可以做',
      tasks: '本案待办',
      openTask: '办理：%{kind}',
      nothing: '目前没有您可执行的操作',
      zoomIn: '放大',
      zoomOut: '缩小',
      fit: '适合宽度',
      actual: '原始大小',
      failed: '状态图无法绘制',
    },
  },
};
