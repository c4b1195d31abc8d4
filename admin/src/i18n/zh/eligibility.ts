import type { GovScheme } from '@guanai/workflows/vocabulary';
import type { Labels } from '../messages.ts';

/**
 * 救助标准与资格建议 (issue 17, §二 无缝衔接): the standards admins enter, the suggestions beside the
 * screening form, and the case's referrals. Chinese is the source of truth: en/eligibility.ts is typed against it.
 */
export const eligibility = {
  resources: {
    'eligibility/standards': {
      name: '救助标准',
      fields: {
        scheme: '救助项目',
        districtId: '适用区(市)县',
        districtName: '适用范围',
        effectiveFrom: '执行日期',
        incomePerPerson: '月人均收入标准（元）',
        assetsPerPerson: '人均财产限额（元）',
        requireNoAbleWorker: '须无劳动年龄内有劳动能力成员（特困）',
        requireNoSupporter: '须无有履行能力的法定义务人（特困）',
        sourceDocument: '依据文号',
        note: '备注',
        createdAt: '录入时间',
      },
    },
  },
  guanai: {
    eligibility: {
      menu: '救助标准',
      city: '全市',
      sample: '样例数据',
      current: '现行',
      future: '未生效',
      superseded: '已被取代',
      inForceLocked: '已生效的标准不可修改；如标准调整，请新增一条执行日期更晚的标准。',
      districtHelp: '留空为全市标准；区(市)县标准优先于全市标准',
      criteria: '特困条件',
      household: {
        edit: '登记家庭收入与财产',
        income: '家庭月收入（元）',
        assets: '家庭金融资产合计（元）',
        supporter: '法定赡养、抚养、扶养义务人',
        supporters: { yes: '有，且有履行能力', no: '无，或无履行能力', unknown: '未登记' },
      },
      panel: {
        title: '资格建议',
        help: '按 %{date} 现行救助标准（%{area}）由家庭人口、收入、财产自动计算，仅供参考：请确认或改变，并说明理由。',
        loading: '正在计算资格建议…',
        failed: '资格建议暂不可用，可照常填写',
        none: '本区域暂无现行救助标准，请按实际情况填写转介',
        household: '家庭 %{members} 人 · 月收入 %{income} · 财产 %{assets}',
        unknown: '未登记',
        refer: '转介',
        noRefer: '不转介',
        override: '改变建议的理由',
        overrideHelp: '与系统建议不一致时必填',
        reasonRequired: '改变系统建议须说明理由',
        verdicts: { YES: '符合条件', NO: '不符合', UNKNOWN: '资料不全' },
      },
      details: {
        title: '转介信息',
        help: '填写接收部门后，每项转介均需填写接收部门与日期',
        department: '接收部门',
        referredOn: '转介日期',
        referenceNo: '转介单号',
        missing: '请填写 %{schemes} 的接收部门与转介日期',
        departments: {
          DIBAO: '街道社会事务办（民政）',
          TEKUN: '街道社会事务办（民政）',
          LINSHI: '街道社会事务办（民政）',
          YILIAO: '区医疗保障局',
          JIAOYU: '区教育局',
          ZHUFANG: '区住房和城乡建设局',
          JIUYE: '区人力资源和社会保障局',
          SHOUZAI: '区应急管理局',
        } satisfies Labels<GovScheme>,
      },
      referrals: {
        title: '政府救助转介',
        none: '尚无转介',
        outcome: '结果',
        outcomes: { PENDING: '待答复', GRANTED: '已批准', DENIED: '未批准' },
        overridden: '改变了系统建议（建议：%{verdict}，%{decision}）：%{reason}',
      },
    },
  },
};
