import { raZh } from './ra-zh.ts';
import { zhVocabulary } from './vocabulary.ts';

/** Chinese (default). en.ts mirrors these keys; its type is taken from this file. */
export const zh = {
  ra: raZh,
  resources: {
    tasks: {
      name: '任务 |||| 任务',
      fields: {
        kind: '任务', caseNo: '案件编号', personName: '求助人', unitName: '所属单位', assigneeName: '经办人', dueAt: '截止时间',
        createdAt: '创建时间', status: '状态', caseState: '案件阶段', emergency: '急难',
      },
    },
    cases: {
      name: '案件 |||| 案件',
      fields: {
        caseNo: '案件编号', personName: '求助人', personIdMasked: '身份证号', state: '阶段', status: '状态', closureReason: '结案原因',
        emergency: '急难', origin: '来源', owningUnitName: '主办单位', originUnitName: '发现地', situation: '困难情况', createdAt: '立案时间',
        updatedAt: '更新时间', q: '搜索',
        person: { name: '姓名', idNumber: '身份证号', sex: '性别', birthDate: '出生日期', phone: '电话', address: '住址', hukou: '户籍' },
      },
    },
    'org-units': {
      name: '单位',
      fields: {
        code: '行政区划代码', name: '名称', level: '层级', parentId: '上级单位', parentName: '上级单位', children: '下级单位', users: '用户',
        createdAt: '创建时间', q: '搜索',
      },
    },
    users: {
      name: '用户',
      fields: {
        username: '用户名', displayName: '姓名', role: '角色', orgUnitId: '所属单位', orgUnitName: '所属单位', partnerId: '所属合作机构', partnerName: '所属合作机构', active: '启用', password: '初始密码（可不填）',
        createdAt: '创建时间', q: '搜索',
      },
    },
    people: {
      name: '困难群众',
      fields: {
        name: '姓名', sex: '性别', birthDate: '出生日期', idType: '证件类型', idNumber: '证件号码', idNumberMasked: '证件号码', phone: '电话', address: '住址',
        hukou: '户籍', communityId: '所在村(社区)', communityName: '所在村(社区)', relation: '与户主关系', tags: '困难类别', tag: '困难类别', openCases: '办理中案件',
        createdAt: '登记时间', updatedAt: '更新时间', q: '搜索（姓名、电话或完整证件号）',
      },
    },
  },
  guanai: {
    app: '关爱援助',
    language: '语言',
    inbox: { title: '待办', mine: '我的任务', unit: '本单位队列', overdue: '已超期', dueSoon: '即将到期', empty: '没有待办任务' },
    actions: {
      claim: '认领', release: '退回队列', complete: '办理', openCase: '查看案件', submit: '提交',
    },
    notifications: {
      claimed: '已认领任务', released: '已退回队列', completed: '已办结，案件进入：%{state}', created: '已立案：%{caseNo}',
      error: '操作失败：%{reason}', reasonWithDetail: '%{reason}（%{detail}）',
    },
    problems: {
      'task-taken': '该任务已有人认领', 'not-assignee': '请先认领该任务（只有经办人可以办理）', forbidden: '无权执行此操作',
      'not-allowed-in-state': '案件当前阶段不能执行此操作', 'not-found': '未找到，或不在您的管辖范围内', validation: '填写有误',
      'bad-credentials': '用户名或密码错误', 'login-rate-limited': '登录失败次数过多，请稍后再试', 'duplicate-case': '此人已有未结案件',
      'duplicate-person': '此证件号码已登记', 'possible-duplicate': '可能与已有记录重复', conflict: '与现有数据冲突',
    },
    kinds: {
      REGISTER: '受理登记', SCREEN: '政府救助筛查', MONITOR: '政府救助跟踪', ASSESS: '需求评估', PLAN: '制定援助方案', APPROVE_PLAN: '审批援助方案',
      MATCH: '资源对接', DELIVER: '援助落实', FOLLOW_UP: '回访', ACCEPT_ESCALATION: '审核上报', JOINT_MEETING: '联席会议决议',
      EMERGENCY_AID: '临时救助/先行救助', APPROVE_CLOSURE: '审批结案', MEETING_ACTION: '联席会议交办事项',
    },
    states: {
      intake: '受理', screening: '筛查', monitoring: '政府救助跟踪', assessment: '需求评估', planning: '方案制定', 'planning.drafting': '方案制定',
      'planning.awaitingApproval': '方案待审批', matching: '资源对接', delivery: '援助落实', followUp: '回访', 'followUp.waiting': '等待回访',
      'followUp.visiting': '回访', escalation: '上报待审核', jointMeeting: '联席会议', suspended: '已暂停', closed: '已结案', archived: '已归档',
    },
    status: { OPEN: '办理中', SUSPENDED: '已暂停', CLOSED: '已结案', DONE: '已完成', CANCELLED: '已取消' },
    origins: { SELF_APPLICATION: '个人申请', OUTREACH: '主动发现', REFERRAL: '部门转介' },
    closure: {
      resolved: '已解决', gov_aid_only: '仅政府救助', no_need: '无需援助', declined: '本人拒绝', unreachable: '无法联系', deceased: '已故', moved: '已迁出',
      duplicate: '重复',
      slaBreached: '任务超期自动上报：%{kind}',
    },
    schemes: {
      DIBAO: '最低生活保障', TEKUN: '特困供养', LINSHI: '临时救助', YILIAO: '医疗救助', JIAOYU: '教育救助', ZHUFANG: '住房救助', JIUYE: '就业救助',
      SHOUZAI: '受灾救助',
    },
    outcomes: { RESIDUAL_NEED: '政府救助后仍有困难，转社会关爱援助', GOV_AID_ONLY: '仅需政府救助', NO_NEED: '无需援助' },
    categories: zhVocabulary.categories,
    severities: { LOW: '轻', MEDIUM: '中', HIGH: '重' },
    hukou: { CHENGDU: '成都市户籍', OTHER: '非成都市户籍' },
    sex: { M: '男', F: '女' },
    events: {
      CASE_OPENED: '立案', REGISTERED: '受理登记', CLAIM: '认领任务', RELEASE: '退回任务', SCREENED: '完成筛查', GOV_AID_GRANTED: '政府救助已批准',
      GOV_AID_DENIED: '政府救助未获批', ASSESSED: '完成需求评估', PLAN_SUBMITTED: '提交援助方案', PLAN_APPROVED: '方案获批', PLAN_RETURNED: '方案退回',
      FOLLOWED_UP: '完成回访', CLOSE: '结案', MATCHED: '完成资源对接', DELIVERED: '援助已落实', ESCALATE: '上报上级中心',
      ESCALATION_ACCEPTED: '上级中心接收', ESCALATION_RETURNED: '上级中心退回', REFER_JOINT_MEETING: '提交联席会议', MEETING_RESOLVED: '联席会议决议',
      MARK_EMERGENCY: '标记为急难', TEMP_AID_GIVEN: '已给予临时救助', PROPOSE_CLOSURE: '申请结案', CLOSURE_APPROVED: '结案获批', CLOSURE_REJECTED: '结案被驳回',
      SUSPEND: '暂停', RESUME: '恢复', REOPEN: '重新开案', ADD_NOTE: '记录', FLAG: '添加标记', UNFLAG: '取消标记', SLA_WARNING: '即将超期提醒',
      SLA_BREACHED: '已超期', FOLLOW_UP_DUE: '回访到期', REOPEN_WINDOW_ENDED: '归档', REASSIGN: '改派任务',
    },
    flags: { SAFETY_RISK: '安全风险', HEALTH_RISK: '健康风险', CHILD_AT_RISK: '儿童风险', DISPUTE: '纠纷', OTHER: '其他' },
    noteKinds: { VISIT: '走访记录', CALL: '电话记录', NOTE: '备注' },
    caseActions: {
      ESCALATE: '上报上级中心', REFER_JOINT_MEETING: '提交联席会议', SUSPEND: '暂停', RESUME: '恢复', CLOSE: '结案', PROPOSE_CLOSURE: '申请结案',
      REOPEN: '重新开案', MARK_EMERGENCY: '标记急难', FLAG: '添加标记', reason: '理由', closureReason: '结案原因', flag: '标记', done: '已提交',
    },
    notes: { title: '添加记录', text: '内容', kind: '类型', files: '附件（照片或 PDF）', add: '保存记录', added: '已保存记录' },
    board: { title: '升级看板', incoming: '待审核的上报', overdue: '超期任务（本单位及下级）' },
    sla: {
      title: 'SLA 监控', unit: '单位', tier: '层级', open: '办理中', warned: '已预警', overdue: '已超期', breachRate: '超期率',
      levels: { CITY: '市级', DISTRICT: '区(市)县', TOWNSHIP: '乡镇(街道)', COMMUNITY: '村(社区)' },
      policies: 'SLA 策略', calendar: '工作日历', normal: '常规时限', emergency: '急难时限', unitLabel: '单位', warnAt: '提醒点（比例）', onBreach: '超期处理',
      units: { HOURS: '小时', WORKING_DAYS: '工作日' }, effects: { NOTIFY: '通知督导', AUTO_ESCALATE: '自动上报' },
      date: '日期', dayKind: '类型', dayName: '名称', dayKinds: { HOLIDAY: '放假', WORKDAY: '调休上班' },
    },
    notificationsPage: { title: '通知', kind: '事项', read: '标为已读', kinds: { SLA_WARNING: '任务即将超期', SLA_BREACHED: '任务已超期', ESCALATED: '收到上报', ASSIGNED: '任务改派给您' } },
    forms: {
      verified: '已核实身份', meetingOutcome: '部门落实情况', note: '备注', referrals: '转介的政府救助项目', outcome: '筛查结论', granted: '政府救助已批准', needs: '需求',
      category: '类别', severity: '程度', description: '说明', summary: '方案概要', approved: '批准方案', reason: '退回理由', resolved: '困难已解决',
      matchPending: '此任务没有表单。', atLeastOneNeed: '至少填写一项需求',
      amount: '数量/金额',
      accepted: '接收上报', target: '接收后进入', guidance: '退回指导意见', next: '决议后进入', actions: '分派事项', department: '责任部门', action: '事项',
      deadline: '期限', scheme: '救助方式', schemes: { LINSHI: '临时救助', XIANXING: '先行救助' }, targetHelp: '§四(二) 默认回到上报前的环节；已完成评估的可重新评估，方案已审批的可直接资源对接', targets: { resume: '回到上报前的环节', assessment: '重新评估', matching: '资源对接' },
      nexts: { matching: '资源对接', delivery: '援助落实' },
    },
    orgLevels: { CITY: '市', DISTRICT: '区(市)县', TOWNSHIP: '乡镇(街道)', COMMUNITY: '村(社区)' },
    roles: {
      DISCOVERER: '发现员', STATION_WORKER: '服务站工作人员', CASEWORKER: '社工', SUPERVISOR: '督导', MANAGER: '管理人员', PARTNER: '合作机构', ADMIN: '系统管理员',
    },
    tags: {
      ELDERLY_ALONE: '独居老人', LEFT_BEHIND_ELDERLY: '留守老人', DISABILITY: '残疾', SERIOUS_ILLNESS: '重病', LEFT_BEHIND_CHILD: '留守儿童',
      UNSUPPORTED_CHILD: '事实无人抚养儿童', DIBAO: '低保', TEKUN: '特困', LOW_INCOME: '低收入', SINGLE_PARENT: '单亲', UNEMPLOYED: '失业',
    },
    relations: { HEAD: '户主', SPOUSE: '配偶', CHILD: '子女', PARENT: '父母', GRANDCHILD: '孙子女', GRANDPARENT: '祖父母', SIBLING: '兄弟姐妹', OTHER: '其他' },
    idTypes: {
      RESIDENT_ID: '居民身份证', HK_MACAO_PERMIT: '港澳居民来往内地通行证', TAIWAN_PERMIT: '台湾居民来往大陆通行证', PASSPORT: '护照',
      FOREIGN_PERMANENT_ID: '外国人永久居留身份证', OTHER: '其他证件',
    },
    orgUnits: {
      menu: '组织架构', import: '导入名册', importTitle: '导入组织名册', importHelp: 'CSV 文件，首行为 code,name,level,parent_code（12位行政区划代码、名称、层级、上级单位代码）。有任何错误时不导入任何数据。',
      chooseFile: '选择 CSV 文件', dryRun: '检查', run: '导入', clean: '共 %{rows} 行，全部无误，可以导入', bad: '%{smart_count} 处错误，未导入任何数据',
      line: '第 %{line} 行', imported: '已导入 %{imported} 个单位', codeFormat: '须为12位行政区划代码', parentHint: '须为上一层级的单位', fixed: '代码、层级和上级单位创建后不可修改',
    },
    users: {
      temporaryPassword: '临时密码', temporaryPasswordHelp: '请把临时密码当面或电话告知 %{name}。它只显示这一次，用户登录后应立即修改密码。',
      resetPassword: '重置密码', resetConfirm: '重置 %{name} 的密码？该用户的所有登录会话将立即失效。', copy: '复制', copied: '已复制',
      passwordRule: '至少10个字符，须包含字母和数字', passwordHelp: '不填则生成一次性临时密码', unitHint: '%{levels}', done: '完成',
    },
    password: {
      title: '修改密码', current: '当前密码', new: '新密码', confirm: '再次输入新密码', mismatch: '两次输入的新密码不一致', changed: '密码已修改',
    },
    people: {
      menu: '困难群众信息库', export: '导出', exported: '已导出', import: '导入名册', openCase: '立案', addMember: '添加家庭成员', household: '家庭成员', cases: '案件',
      noMembers: '没有其他家庭成员', noCases: '暂无案件', revealId: '查看完整证件号', revealTitle: '查看完整证件号', revealReason: '查看理由（记入审计日志）',
      reasonRule: '请说明理由（至少4个字）', merge: '合并', mergeTitle: '合并重复记录',
      mergeHelp: '此记录的案件和家庭将并入保留的记录，保留记录的空白信息由此记录补充；此记录将标为已合并。', mergeInto: '保留的记录', mergeReason: '合并理由',
      notSelf: '不能合并到自身', merged: '已合并到保留的记录', mergedInto: '此记录已合并，请使用保留的记录。', openKept: '查看保留的记录',
      joinHousehold: '将加入此家庭（住址默认为家庭住址）', communityOptional: '不填则为您所在的村(社区)', idNumberInvalid: '不是有效的18位居民身份证号（校验位不符）',
      personal: '基本信息', view: '查看', income: '家庭月收入 ¥%{income}（人均 ¥%{perHead}）', incomeUnknown: '家庭月收入未登记（对接时需核实）',
      editIncome: '登记家庭收入', incomeLabel: '家庭月收入（元）', incomeHelp: '全家每月收入合计；留空表示未知', incomeSaved: '已保存家庭收入', idNumberKeep: '不修改请留空；填写则替换原证件号',
    },
    duplicates: {
      'duplicate-person': '此证件号码已登记，不能重复登记，请使用已有记录', 'possible-duplicate': '可能与已有记录是同一人，请核对', early: '请核对：可能已登记过此人',
      match: { ID_NUMBER: '同一证件号', PHONE: '同一电话', NAME_ADDRESS: '姓名相近且同一地址' },
      outside: '不在您的管辖范围', open: '查看记录', notSame: '不是同一人，继续登记', useExisting: '为此人立案',
    },
    peopleImport: {
      title: '导入困难群众名册', chooseFile: '选择文件（.csv 或 .xlsx）', dryRun: '检查', run: '导入', template: '下载模板',
      help: '先“检查”只校验不导入；“导入”会导入无误的行，有误或重复的行逐行跳过并说明原因。', columns: '名册的列（首行为列名，中文或英文均可）',
      column: '列名', meaning: '填写说明', progress: '已处理 %{processed} / %{total} 行', total: '总行数', imported: '已导入', importable: '可导入',
      skipped: '跳过', problems: '问题', line: '行', field: '列', reason: '原因', noProblems: '没有发现问题', dryRunNote: '这是检查结果，尚未导入任何数据。',
      failed: '导入失败', status: { RUNNING: '处理中', DONE: '已完成', FAILED: '失败' },
      cols: {
        name: '必填', id_type: '居民身份证（默认）、护照等，或代码', id_number: '居民身份证为18位', sex: '男/女 或 M/F', birth_date: 'YYYY-MM-DD',
        phone: '手机11位或座机', address: '住址', hukou: '成都/外地 或 CHENGDU/OTHER', community_code: '村(社区)的12位行政区划代码',
        household_no: '同一户编号的行为一户', relation: '户主/配偶/子女/父母/孙子女/祖父母/兄弟姐妹/其他', tags: '多个用 ; ；、| 分隔，中文名或代码',
      },
    },
    case: { timeline: '办理记录', tasks: '任务', by: '经办：%{name}', register: '立案登记', forPerson: '为以下人员立案：%{name}', emergencyHint: '非成都市户籍人员仅在急难情况下受理（§四(一)）' },
  },
};

export type Messages = typeof zh;
