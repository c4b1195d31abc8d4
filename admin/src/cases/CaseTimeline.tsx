import type { TCaseEvent } from '@guanai/api/types';
import { Chip, List as MuiList, ListItem, ListItemText, Typography } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import type { CaseRecord } from './types.ts';

/**
 * A closure reason, or an automatic escalation's code (`SLA_BREACHED:<task kind>`; before it was a
 * code, the English `SLA breached: <kind>`), in the reader's language; a person's own words as they are.
 */
export function reasonText(reason: string, translate: ReturnType<typeof useTranslate>): string {
  const breach = /^SLA[_ ]BREACHED:\s*([A-Z_]+)$/i.exec(reason);
  if (breach)
    return translate('guanai.closure.slaBreached', { kind: translate(`guanai.kinds.${breach[1]}`, { _: breach[1] }) });
  return translate(`guanai.closure.${reason}`, { _: reason });
}

/** A time as the timeline shows it, in the reader's language and the browser's time zone. */
const timeText = (iso: string, locale: string) => new Date(iso).toLocaleString(locale === 'en' ? 'en-GB' : 'zh-CN');

/** A check-in within a minute of the event is the same moment (the request's own delay, the phone's clock). */
const SAME_MOMENT_MS = 60_000;
/** A visit that reached the API later than this after its check-in waited on the phone: recorded offline. */
export const OFFLINE_AFTER_MS = 5 * 60_000;

/**
 * What a visit adds to its line (issue 16): its check-in time (签到时间), when it is not the event's own
 * moment, marked as recorded offline when it reached the API minutes later; and where the worker
 * checked in, as coordinates with their accuracy (no map: nothing is fetched from the internet).
 */
export function visitDetails(
  event: Pick<TCaseEvent, 'at' | 'payload'>,
  translate: ReturnType<typeof useTranslate>,
  locale: string,
): { checkedIn?: string; syncedLater: boolean; place?: string } {
  const p = event.payload as { visitedAt?: unknown; place?: { lat?: unknown; lng?: unknown; accuracyM?: unknown } };
  const visitedAt = typeof p.visitedAt === 'string' ? Date.parse(p.visitedAt) : NaN;
  const late = Number.isNaN(visitedAt) ? 0 : Date.parse(event.at) - visitedAt;
  const shown = !Number.isNaN(visitedAt) && Math.abs(late) >= SAME_MOMENT_MS;
  const { lat, lng, accuracyM } = p.place ?? {};
  const place =
    typeof lat === 'number' && typeof lng === 'number'
      ? translate('guanai.case.place', { lat: lat.toFixed(4), lng: lng.toFixed(4) }) +
        (typeof accuracyM === 'number' ? translate('guanai.case.accuracy', { metres: Math.round(accuracyM) }) : '')
      : undefined;
  return {
    ...(shown
      ? { checkedIn: translate('guanai.case.visitedAt', { time: timeText(p.visitedAt as string, locale) }) }
      : {}),
    syncedLater: shown && late > OFFLINE_AFTER_MS,
    ...(place ? { place } : {}),
  };
}

/** Payload details worth a line in the timeline (notes, outcomes, needs, reasons). */
function describe(event: TCaseEvent, translate: ReturnType<typeof useTranslate>): string {
  const p = event.payload as Record<string, unknown>;
  const parts: string[] = [];
  if (typeof p.outcome === 'string') parts.push(translate(`guanai.outcomes.${p.outcome}`, { _: p.outcome }));
  if (Array.isArray(p.referrals) && p.referrals.length)
    parts.push(p.referrals.map((s) => translate(`guanai.schemes.${s}`, { _: String(s) })).join('、'));
  if (Array.isArray(p.needs)) {
    parts.push(
      (p.needs as { category: string; severity: string }[])
        .map((n) => `${translate(`guanai.categories.${n.category}`)}(${translate(`guanai.severities.${n.severity}`)})`)
        .join('、'),
    );
  }
  if (typeof p.reason === 'string') parts.push(reasonText(p.reason, translate));
  if (typeof p.summary === 'string') parts.push(p.summary);
  if (typeof p.note === 'string') parts.push(p.note);
  if (typeof p.text === 'string')
    parts.push(`${typeof p.kind === 'string' ? `${translate(`guanai.noteKinds.${p.kind}`)}：` : ''}${p.text}`);
  if (typeof p.guidance === 'string') parts.push(p.guidance);
  if (typeof p.flag === 'string') parts.push(translate(`guanai.flags.${p.flag}`, { _: p.flag }));
  if (Array.isArray(p.matches)) parts.push((p.matches as { resource: string }[]).map((m) => m.resource).join('、'));
  if (Array.isArray(p.items))
    parts.push(
      (p.items as { what: string; amount?: number; unit?: string }[])
        .map((i) => `${i.what}${i.amount !== undefined ? ` ${i.amount}${i.unit ?? ''}` : ''}`)
        .join('、'),
    );
  if (Array.isArray(p.actions))
    parts.push(
      (p.actions as { department: string; action: string; deadline: string }[])
        .map((a) => `${a.department}：${a.action}（${a.deadline}）`)
        .join('；'),
    );
  return parts.join(' · ');
}

export function CaseTimeline() {
  const record = useRecordContext<CaseRecord>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!record?.events) return null;
  return (
    <MuiList dense aria-label={translate('guanai.case.timeline')}>
      {record.events.map((event) => {
        const state = (s: string | null) => (s ? translate(`guanai.states.${s}`, { _: s }) : '');
        const moved =
          event.fromState && event.fromState !== event.toState
            ? `${state(event.fromState)} → ${state(event.toState)}`
            : state(event.toState);
        const detail = describe(event, translate);
        const visit = visitDetails(event, translate, locale);
        return (
          <ListItem key={event.seq} divider alignItems="flex-start">
            <ListItemText
              primary={`${translate(`guanai.events.${event.type}`, { _: event.type })} · ${moved}`}
              secondary={
                <>
                  <Typography component="span" variant="body2" sx={{ display: 'block' }}>
                    {timeText(event.at, locale)}
                    {event.actorName ? ` · ${translate('guanai.case.by', { name: event.actorName })}` : ''}
                  </Typography>
                  {detail && (
                    <Typography component="span" variant="body2" sx={{ display: 'block', color: 'text.primary' }}>
                      {detail}
                    </Typography>
                  )}
                  {visit.checkedIn && (
                    <Typography component="span" variant="body2" sx={{ display: 'block' }}>
                      {visit.checkedIn}
                      {visit.syncedLater && (
                        <Chip
                          component="span"
                          size="small"
                          color="warning"
                          variant="outlined"
                          label={translate('guanai.case.syncedLater')}
                          sx={{ ml: 1 }}
                        />
                      )}
                    </Typography>
                  )}
                  {visit.place && (
                    <Typography component="span" variant="body2" sx={{ display: 'block' }}>
                      {visit.place}
                    </Typography>
                  )}
                  {event.attachments?.map((a) => (
                    <a
                      key={a.id}
                      href={`/api/attachments/${a.id}/content`}
                      target="_blank"
                      rel="noreferrer"
                      style={{ marginRight: 12 }}
                    >
                      📎 {a.filename}
                    </a>
                  ))}
                </>
              }
            />
          </ListItem>
        );
      })}
    </MuiList>
  );
}
