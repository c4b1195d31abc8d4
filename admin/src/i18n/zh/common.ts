/**
 * What every screen shares: the app's name, the language menu, what a mutation reports, and the API's problem types
 * (each feature adds the problem types of its own routes under guanai.problems). Chinese is the source of truth:
 * en/common.ts is typed against this file.
 */
export const common = {
  guanai: {
    app: '关爱援助',
    language: '语言',
    notifications: {
      claimed: '已认领任务',
      released: '已退回队列',
      completed: '已办结，案件进入：%{state}',
      created: '已立案：%{caseNo}',
      error: '操作失败：%{reason}',
      reasonWithDetail: '%{reason}（%{detail}）',
    },
    problems: {
      'task-taken': '该任务已有人认领',
      'not-assignee': '请先认领该任务（只有经办人可以办理）',
      forbidden: '无权执行此操作',
      'not-allowed-in-state': '案件当前阶段不能执行此操作',
      'not-found': '未找到，或不在您的管辖范围内',
      validation: '填写有误',
      'bad-credentials': '用户名或密码错误',
      'login-rate-limited': '登录失败次数过多，请稍后再试',
      'duplicate-case': '此人已有未结案件',
      'duplicate-person': '此证件号码已登记',
      'possible-duplicate': '可能与已有记录重复',
      conflict: '与现有数据冲突',
    },
  },
};
