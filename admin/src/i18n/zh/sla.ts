import type { BreachEffect, CalendarDayKind, DurationUnit, OrgLevel } from '@guanai/workflows/vocabulary';
import type { Labels } from '../messages.ts';

/**
 * SLA 监控: the SLA dashboard, the SLA policies and the working-day calendar. Chinese is the source of truth:
 * en/sla.ts is typed against this file.
 */
export const sla = {
  guanai: {
    sla: {
      title: 'SLA 监控',
      unit: '单位',
      tier: '层级',
      open: '办理中',
      warned: '已预警',
      overdue: '已超期',
      breachRate: '超期率',
      levels: {
        CITY: '市级',
        DISTRICT: '区(市)县',
        TOWNSHIP: '乡镇(街道)',
        COMMUNITY: '村(社区)',
      } satisfies Labels<OrgLevel>,
      policies: 'SLA 策略',
      calendar: '工作日历',
      normal: '常规时限',
      emergency: '急难时限',
      unitLabel: '单位',
      warnAt: '提醒点（比例）',
      onBreach: '超期处理',
      units: { HOURS: '小时', WORKING_DAYS: '工作日' } satisfies Labels<DurationUnit>,
      effects: { NOTIFY: '通知督导', AUTO_ESCALATE: '自动上报' } satisfies Labels<BreachEffect>,
      date: '日期',
      dayKind: '类型',
      dayName: '名称',
      dayKinds: { HOLIDAY: '放假', WORKDAY: '调休上班' } satisfies Labels<CalendarDayKind>,
    },
  },
};
