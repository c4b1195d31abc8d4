import { enVocabulary, zhVocabulary } from '../i18n/vocabulary.ts';

/**
 * Messages of the evaluation screens, merged into zh.ts / en.ts by the i18n provider. Keys live under
 * `resources.<name>` for resources and under `guanai.evaluation` for the rest (and the problem types
 * of these routes under `guanai.problems`).
 */
export const zhEvaluation = {
  resources: {
    meetings: {
      name: '联席会议 |||| 联席会议',
      fields: {
        title: '会议名称', unitName: '召集单位', scheduledAt: '会议时间', location: '地点', departments: '成员单位', status: '状态', resolved: '已决议个案',
        minutes: '会议纪要', heldAt: '召开时间',
      },
    },
  },
  guanai: {
    problems: {
      'already-reported': '本月的自评报告已提交过', 'already-scored': '本月已对该对象评过分', 'not-scheduled': '会议已召开或已取消',
    },
    evaluation: {
      menu: { kpis: '绩效评价', meetings: '联席会议', selfReports: '自评报告' },
      kpis: {
        title: '绩效评价', period: '月份', unit: '中心', from: '趋势起始月', to: '趋势截止月', metric: '图表指标', trend: '逐月趋势', compare: '下级中心对比（%{period}）',
        noChildren: '没有下级中心可以比较', export: '导出 CSV', exported: '已导出', loading: '正在计算…', rangeInvalid: '起始月不能晚于截止月，且最多36个月',
        names: {
          cases: '新增个案', firstResponseHours: '首次响应(小时,中位数)', slaCompliance: '时限达标率', escalationRate: '上报率', resolutionRate: '解决率',
          reopenRate: '重新开案率', costPerResolvedCase: '每解决个案资金', satisfaction: '满意度', supervisionScore: '督导评分',
        },
        hints: {
          cases: '本月在本中心辖区立案的个案', firstResponseHours: '立案到完成筛查的小时数', slaCompliance: '本中心本月完成的 %{n} 项任务中按时完成的比例',
          escalationRate: '本月个案中曾上报上级中心的比例', resolutionRate: '已结案个案中以“已解决”结案的比例', reopenRate: '曾结案的个案中重新开案的比例',
          costPerResolvedCase: '已解决个案平均获得的援助资金', satisfaction: '受助人回访评分（1–5），%{n} 份', supervisionScore: '主管部门本月的督导评分（0–100）',
        },
        hours: '%{value} 小时', outOf5: '%{value} / 5',
      },
      score: {
        button: '督导评分', title: '督导评分', target: '评分对象', targets: { unit: '中心', resource: '政府购买服务项目' }, period: '月份', unit: '中心',
        resource: '政府购买服务项目', score: '评分（0–100）', comment: '评语', save: '提交评分', saved: '已提交督导评分', history: '该项目的自评与督导记录',
        selfReport: '自评 %{period}：服务 %{served} 人，自评 %{score} 分', supervision: '督导 %{period}：%{score} 分', noHistory: '暂无记录', scoreRange: '须在 0 到 100 之间',
      },
      publish: {
        button: '发布公开信息', title: '发布过程信息公开', period: '月份', run: '发布',
        help: '发布一个已结束的月份（每月1日也会自动发布上月）。内容与已发布的不同时，作为更正发布新版本，原版本保留可查。',
        results: {
          ORIGINAL: '已发布 %{period} 第 %{version} 版（首次发布）', CORRECTION: '已发布 %{period} 的更正：第 %{version} 版',
          UNCHANGED: '%{period} 与已发布的第 %{version} 版相同，未发布新版本',
        },
        kinds: zhVocabulary.publishKinds,
        counts: '公开 %{rows} 条；因同一乡镇(街道)同类受助人数过少未公开 %{suppressed} 条', view: '查看公开页面', ended: '只能发布已结束的月份',
      },
      meetings: {
        agenda: '议题：提交联席会议的个案', noAgenda: '暂无待决议的个案（提交到本单位联席会议的个案排在最近一次待召开的会议上）', items: '已作出的决议', noItems: '尚无决议',
        resolution: '决议内容', next: '决议后进入', nexts: { matching: '资源对接', delivery: '援助落实' }, actions: '分派事项', department: '责任部门', action: '事项',
        deadline: '期限', resolve: '作出决议', resolved: '已作出决议，交办事项已派发给本中心', atLeastOneAction: '至少分派一项事项', held: '会议已召开', markHeld: '会议已召开',
        heldDone: '已记录会议召开', heldAt: '召开于 %{at}', minutes: '会议纪要', status: { SCHEDULED: '待召开', HELD: '已召开', CANCELLED: '已取消' },
        needs: '需求', situation: '困难情况', township: '乡镇(街道)', community: '村(社区)', referredAt: '提交时间', emergency: '急难', departmentsHelp: '选择参加会议的成员单位',
        cityOrDistrict: '联席会议由市、区(市)县中心召开', resolvedAt: '决议时间', minLength: '至少 %{n} 个字',
      },
      survey: {
        title: '满意度回访', help: '回访时请受助人评价：可以现场代为填写，也可以生成一次性链接，由受助人在自己的手机上填写。', takeNow: '现场填写',
        createLink: '生成回访链接', questions: zhVocabulary.surveyQuestions, comment: '意见和建议（可不填）',
        submit: '提交回访', recorded: '已记录回访，平均评分 %{score}', rateAll: '请为三项都打分', link: '请把以下链接发给受助人，在手机上打开填写：',
        linkNote: '链接只显示这一次，只能提交一次，%{date} 前有效。', copy: '复制链接', copied: '已复制', cancel: '取消',
      },
      selfReports: {
        title: '自评报告', help: '合作机构按月对自己的服务项目作自评：每个项目每月一份，提交后不能修改。', resource: '服务项目', period: '月份', served: '服务人数',
        hours: '服务时长（小时）', spent: '支出金额（元）', narrative: '工作情况说明', score: '自评分（0–100）', submit: '提交自评', submitted: '已提交 %{period} 的自评报告',
        noResources: '您的机构还没有服务项目', narrativeMin: '至少10个字',
      },
    },
  },
};

export const enEvaluation: typeof zhEvaluation = {
  resources: {
    meetings: {
      name: 'Joint meeting |||| Joint meetings',
      fields: {
        title: 'Title', unitName: 'Convened by', scheduledAt: 'Date and time', location: 'Location', departments: 'Member departments', status: 'Status',
        resolved: 'Cases resolved', minutes: 'Minutes', heldAt: 'Held at',
      },
    },
  },
  guanai: {
    problems: {
      'already-reported': 'This month has already been reported', 'already-scored': 'Already scored for this month', 'not-scheduled': 'The meeting was already held or cancelled',
    },
    evaluation: {
      menu: { kpis: 'Performance', meetings: 'Joint meetings', selfReports: 'Self-reports' },
      kpis: {
        title: 'Performance evaluation', period: 'Month', unit: 'Center', from: 'Trend from', to: 'Trend to', metric: 'Chart figure', trend: 'Month by month',
        compare: 'Centers below (%{period})', noChildren: 'No centers below to compare', export: 'Export CSV', exported: 'Exported', loading: 'Calculating…',
        rangeInvalid: 'From must not be after to, at most 36 months',
        names: {
          cases: 'New cases', firstResponseHours: 'First response (hours, median)', slaCompliance: 'On-time rate', escalationRate: 'Escalation rate',
          resolutionRate: 'Resolution rate', reopenRate: 'Reopen rate', costPerResolvedCase: 'Money per resolved case', satisfaction: 'Satisfaction',
          supervisionScore: 'Supervision score',
        },
        hints: {
          cases: 'Cases opened this month in the center’s area', firstResponseHours: 'Hours from opening to screening', slaCompliance: 'Share of the center’s %{n} tasks completed on time',
          escalationRate: 'Share of the month’s cases escalated', resolutionRate: 'Share of closed cases closed as resolved', reopenRate: 'Share of closed cases reopened',
          costPerResolvedCase: 'Money given per resolved case', satisfaction: 'Recipients’ ratings (1–5), %{n} surveys', supervisionScore: 'The department’s score this month (0–100)',
        },
        hours: '%{value} h', outOf5: '%{value} / 5',
      },
      score: {
        button: 'Supervision score', title: 'Supervision score', target: 'Scored', targets: { unit: 'Center', resource: 'Purchased service' }, period: 'Month', unit: 'Center',
        resource: 'Purchased service', score: 'Score (0–100)', comment: 'Comment', save: 'Submit score', saved: 'Supervision score submitted', history: 'Self-reports and scores of this service',
        selfReport: 'Self-report %{period}: %{served} served, scored %{score}', supervision: 'Supervision %{period}: %{score}', noHistory: 'None yet', scoreRange: 'Must be between 0 and 100',
      },
      publish: {
        button: 'Publish disclosure', title: 'Publish the process disclosure', period: 'Month', run: 'Publish',
        help: 'Publishes a month that has ended (the 1st of each month publishes the month before by itself). If it differs from what was published, it is published as a correction; earlier versions stay readable.',
        results: {
          ORIGINAL: 'Published %{period}, version %{version} (first)', CORRECTION: 'Published a correction of %{period}: version %{version}',
          UNCHANGED: '%{period} is the same as published version %{version}; nothing new published',
        },
        kinds: enVocabulary.publishKinds,
        counts: '%{rows} rows public; %{suppressed} withheld because too few people of one kind in a township', view: 'Open the public page', ended: 'Only a month that has ended can be published',
      },
      meetings: {
        agenda: 'Agenda: cases referred to the joint meeting', noAgenda: 'No cases waiting (cases referred to this unit go on its next scheduled meeting)', items: 'Resolutions', noItems: 'No resolutions yet',
        resolution: 'Resolution', next: 'Then', nexts: { matching: 'Matching', delivery: 'Delivery' }, actions: 'Assigned actions', department: 'Department', action: 'Action',
        deadline: 'Deadline', resolve: 'Resolve', resolved: 'Resolved; the actions are tasks of this center now', atLeastOneAction: 'Assign at least one action', held: 'Meeting held',
        markHeld: 'Meeting held', heldDone: 'Recorded as held', heldAt: 'Held on %{at}', minutes: 'Minutes', status: { SCHEDULED: 'Scheduled', HELD: 'Held', CANCELLED: 'Cancelled' },
        needs: 'Needs', situation: 'Situation', township: 'Township', community: 'Community', referredAt: 'Referred', emergency: 'Emergency', departmentsHelp: 'The member departments taking part',
        cityOrDistrict: 'Joint meetings are held by the city and district centers', resolvedAt: 'Resolved', minLength: 'At least %{n} characters',
      },
      survey: {
        title: 'Satisfaction survey', help: 'At follow-up, ask the recipient to rate the help: fill it in together now, or create a one-time link the recipient opens on their own phone.',
        takeNow: 'Fill in now', createLink: 'Create a survey link', questions: enVocabulary.surveyQuestions,
        comment: 'Comments (optional)', submit: 'Submit survey', recorded: 'Survey recorded, average %{score}', rateAll: 'Please rate all three',
        link: 'Send this link to the recipient to open on their phone:', linkNote: 'Shown only this once; answerable once, until %{date}.', copy: 'Copy link', copied: 'Copied', cancel: 'Cancel',
      },
      selfReports: {
        title: 'Self-reports', help: 'Each month a partner reports on each of its services, once; a report cannot be changed.', resource: 'Service', period: 'Month', served: 'People served',
        hours: 'Service hours', spent: 'Spent (yuan)', narrative: 'What was done', score: 'Self-assessed score (0–100)', submit: 'Submit report', submitted: 'Self-report for %{period} submitted',
        noResources: 'Your organisation has no services yet', narrativeMin: 'At least 10 characters',
      },
    },
  },
};
