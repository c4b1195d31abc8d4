import type { PlanItemOutcome, PlanResponsibleKind } from '@guanai/workflows/vocabulary';
import type { Labels } from '../messages.ts';

/**
 * 个性化关爱援助方案 (§四(二)) item by item: the plan editor, the supervisor's approval per item, the
 * follow-up visit's outcome per item, the plan on the case page and in matching. Chinese is the
 * source of truth: en/plans.ts is typed against this file.
 */
export const plans = {
  guanai: {
    plans: {
      title: '个性化关爱援助方案',
      item: '第 %{n} 项',
      loadFailed: '未能读取案件的评估与方案，请刷新后重试',
      fields: {
        needCategory: '对应需求',
        goal: '目标',
        action: '措施/资源',
        resourceKind: '资源类型',
        responsibleKind: '责任方类型',
        responsible: '责任方',
        targetDate: '完成时限',
        summary: '方案概述',
      },
      responsibleKinds: { UNIT: '单位', PARTNER: '合作机构' } satisfies Labels<PlanResponsibleKind>,
      outcomes: { ACHIEVED: '已达成', PARTLY: '部分达成', NOT_ACHIEVED: '未达成' } satisfies Labels<PlanItemOutcome>,
      status: {
        submitted: '待审批',
        returned: '已退回修改',
        approved: '已于 %{at} 审批通过',
      },
      decision: {
        pending: '待审批',
        approved: '已批准',
        approvedBefore: '此前已批准（未修改）',
        returnedWith: '已退回：%{reason}',
      },
      editor: {
        help: '按评估出的每项需求制定事项：目标、措施或资源、责任方（单位或合作机构）与完成时限。',
        add: '添加事项',
        remove: '删除第 %{n} 项',
        atLeastOne: '方案至少包含一项事项',
        incomplete: '请填写每项事项的目标、措施/资源、责任方与完成时限',
        noResourceKind: '（不限）',
        unitHelp: '输入名称搜索单位',
        partnerHelp: '从合作机构中选择',
        summaryHelp: '可不填：不填时由各事项生成',
        returned: '方案被退回：%{reason}',
      },
      approval: {
        decide: '第 %{n} 项的审批意见',
        approve: '批准',
        return: '退回',
        reason: '第 %{n} 项退回理由',
        overall: '总体意见（可选）',
        undecided: '请对每项事项作出批准或退回',
        reasonRequired: '退回的事项须写明理由',
        willApprove: '全部事项批准后，方案通过，案件进入资源对接',
        willReturn: '有 %{count} 项退回：方案将退回修改，已批准的事项未修改时保留批准',
      },
      followUp: {
        title: '各事项落实情况',
        outcomeOf: '第 %{n} 项的落实情况',
        note: '情况说明',
        undecided: '请为每项事项选择落实情况',
      },
      matching: {
        items: '方案事项',
        pick: '对应方案事项',
        pickHelp: '从已批准的方案事项出发对接',
        none: '（不关联）',
      },
    },
  },
};
