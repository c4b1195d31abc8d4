import { TASK_KIND_LABELS } from '../labels.ts';
import type { TaskKind } from '../vocabulary.ts';
import type { OutgoingMessage } from './channels/types.ts';

/** What a notification row says, enough to write its message (no personal data beyond the case number). */
export interface NotificationFacts {
  deliveryId: string;
  kind: string;
  caseNo: string | null;
  caseId: string | null;
  taskKind: string | null;
  emergency: boolean;
  /** The morning digest's counts (DIGEST only). */
  digest?: { day: string; overdue: number; awaitingApproval: number; escalations: number } | null;
  /** The admin's address, for the link (ADMIN_URL). */
  adminUrl?: string;
}

const taskName = (kind: string | null) => (kind && TASK_KIND_LABELS[kind as TaskKind]) || '任务';

/**
 * The message of a notification, in Chinese. It names the case by number and the task by kind only:
 * no person's name, identity number or address leaves by e-mail, robot or SMS (a group robot's room
 * is wider than the case's team); the link opens the case for whoever may see it.
 */
export function composeMessage(facts: NotificationFacts): OutgoingMessage {
  const task = taskName(facts.taskKind);
  const caseNo = facts.caseNo ?? '';
  const urgent = facts.emergency ? '【急难】' : '';
  const [subject, body] = ((): [string, string] => {
    switch (facts.kind) {
      case 'ASSIGNED':
        return [`${urgent}新任务：${caseNo} ${task}`, `个案 ${caseNo} 的「${task}」任务已指派给您，请及时办理。`];
      case 'SLA_WARNING':
        return [
          `${urgent}任务即将到期：${caseNo} ${task}`,
          `个案 ${caseNo} 的「${task}」任务即将超过办理时限，请尽快处理。`,
        ];
      case 'SLA_BREACHED':
        return [
          `${urgent}任务已逾期：${caseNo} ${task}`,
          `个案 ${caseNo} 的「${task}」任务已超过办理时限，请立即处理或说明情况。`,
        ];
      case 'DIGEST': {
        const d = facts.digest ?? { day: '', overdue: 0, awaitingApproval: 0, escalations: 0 };
        return [
          `每日待办摘要（${d.day}）`,
          `您辖区内：逾期任务 ${d.overdue} 件；待审批（方案、结案）${d.awaitingApproval} 件；待审核上报 ${d.escalations} 件。请登录系统处理。`,
        ];
      }
      case 'MATCH_PROPOSED':
        return [
          `新的资源对接请求：${caseNo}`,
          `个案 ${caseNo} 向贵单位提出资源对接请求，请登录系统接受，或说明不能接受的原因。`,
        ];
      case 'MATCH_ACCEPTED':
        return [`合作方已接受对接：${caseNo}`, `个案 ${caseNo} 的资源对接已被合作方接受，请安排援助落实。`];
      case 'MATCH_DECLINED':
        return [
          `合作方未能接受对接：${caseNo}`,
          `个案 ${caseNo} 的资源对接未被合作方接受，请登录系统查看原因并另行匹配资源。`,
        ];
      case 'DELIVERY_DUE':
        return [
          `${urgent}援助落实即将到期：${caseNo}`,
          `贵单位已接受的个案 ${caseNo} 资源对接即将到期，请按时发放或提供服务并登记落实情况。`,
        ];
      case 'APPLICATION_DECLINED':
        return [
          `申请经筛查不予援助：${caseNo}`,
          `贵站登记的个案 ${caseNo} 经街道筛查不予援助，已结案。请告知申请人结果并做好解释。`,
        ];
      case 'ESCALATED':
        return [`${urgent}个案上报待审核：${caseNo}`, `个案 ${caseNo} 已上报至本级，请审核并决定是否接收。`];
      default:
        return [`${urgent}关爱援助通知：${caseNo}`, `个案 ${caseNo} 有新的动态，请登录系统查看。`];
    }
  })();
  return {
    key: `guanai-delivery-${facts.deliveryId}`,
    kind: facts.kind,
    subject,
    body,
    params: facts.digest
      ? {
          day: facts.digest.day,
          overdue: String(facts.digest.overdue),
          awaitingApproval: String(facts.digest.awaitingApproval),
          escalations: String(facts.digest.escalations),
        }
      : { caseNo, task },
    ...(facts.adminUrl ? { link: linkTo(facts.adminUrl, facts.caseId, facts.kind) } : {}),
  };
}

/** The case's page; a partner's proposal opens its match list, the digest the inbox. */
function linkTo(adminUrl: string, caseId: string | null, kind: string): string {
  const base = adminUrl.replace(/\/$/, '');
  if (kind === 'MATCH_PROPOSED' || kind === 'DELIVERY_DUE') return `${base}/#/matches`;
  return caseId ? `${base}/#/cases/${caseId}/show` : `${base}/#/tasks`;
}
