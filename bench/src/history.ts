import type { Client } from '@temporalio/client';
import proto from '@temporalio/proto';
import { summarise, type Summary } from './stats.ts';

const { EventType } = proto.temporal.api.enums.v1;
type HistoryEvent = proto.temporal.api.history.v1.IHistoryEvent;

const at = (e: HistoryEvent | undefined) =>
  e?.eventTime ? Number(e.eventTime.seconds ?? 0) * 1000 + (e.eventTime.nanos ?? 0) / 1e6 : Number.NaN;

/**
 * Where an Update's time goes inside Temporal, from the timestamps of the workflows' histories: the
 * workflow tasks' dispatch (scheduled → started) and processing by the worker (started → completed,
 * which since the `local-projection` patch includes writing the projection), and the count of
 * local-activity markers (one per projection). Ordinary activities, which older histories have,
 * are given when there are any.
 */
export async function historyBreakdown(client: Client, workflowIds: string[]): Promise<Record<string, Summary>> {
  const spans: Record<string, number[]> = {
    activityDispatch: [],
    activityRun: [],
    workflowTaskDispatch: [],
    workflowTaskRun: [],
  };
  let localActivities = 0;
  for (const id of workflowIds) {
    const events = (await client.workflow.getHandle(id).fetchHistory()).events ?? [];
    const byId = new Map(events.map((e) => [Number(e.eventId), e]));
    for (const e of events) {
      if (e.eventType === EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED) {
        const a = e.activityTaskCompletedEventAttributes!;
        const [scheduled, started] = [byId.get(Number(a.scheduledEventId)), byId.get(Number(a.startedEventId))];
        spans.activityDispatch!.push(at(started) - at(scheduled));
        spans.activityRun!.push(at(e) - at(started));
      }
      if (
        e.eventType === EventType.EVENT_TYPE_MARKER_RECORDED &&
        e.markerRecordedEventAttributes?.markerName === 'core_local_activity'
      )
        localActivities += 1;
      if (e.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED) {
        const w = e.workflowTaskCompletedEventAttributes!;
        const [scheduled, started] = [byId.get(Number(w.scheduledEventId)), byId.get(Number(w.startedEventId))];
        spans.workflowTaskDispatch!.push(at(started) - at(scheduled));
        spans.workflowTaskRun!.push(at(e) - at(started));
      }
    }
  }
  const summaries = Object.fromEntries(
    Object.entries(spans)
      .filter(([, v]) => v.length > 0)
      .map(([k, v]) => [k, summarise(v.filter(Number.isFinite))]),
  );
  return { ...summaries, localActivityMarkers: { ...summarise([]), n: localActivities } };
}
