import type { NotificationKind } from '@guanai/workflows/vocabulary';
import type { Labels } from '../messages.ts';

/**
 * 通知: the notifications page (what a mutation reports is in common.ts). Chinese is the source of truth:
 * en/notifications.ts is typed against this file.
 */
export const notifications = {
  guanai: {
    notificationsPage: {
      title: '通知',
      kind: '事项',
      read: '标为已读',
      summary: '内容',
      digest: '逾期 %{overdue} 件 · 待审批 %{awaitingApproval} 件 · 待审核上报 %{escalations} 件',
      kinds: {
        SLA_WARNING: '任务即将超期',
        SLA_BREACHED: '任务已超期',
        ESCALATED: '收到上报',
        ASSIGNED: '任务改派给您',
        DIGEST: '每日待办摘要',
        MATCH_PROPOSED: '收到资源对接请求',
        MATCH_ACCEPTED: '合作方已接受对接',
        MATCH_DECLINED: '合作方未能接受对接',
        DELIVERY_DUE: '援助落实即将到期',
        APPLICATION_DECLINED: '申请经筛查不予援助',
      } satisfies Labels<NotificationKind>,
    },
  },
};
