// 9. Notifications leaving the system (issue 18): the latency from a case event to the SMS gateway, and
// the throughput of the outbox — on the system as `npm start` runs it (the worker process runs the relay
// and the delivery workflows with their defaults), the gateway a local HTTP receiver.
import { startHttpReceiver } from '@guanai/workflows/notify-test';
import pg from 'pg';
import { expectStatus, listQuery, signIn } from './http.ts';
import { loadAverage } from './processes.ts';
import { result, versions, type BenchResult } from './results.ts';
import { round, summarise, table } from './stats.ts';
import { startSystem } from './system.ts';

const EVENTS = Number(process.env.BENCH_NOTIFY_EVENTS ?? 60);
const BURST = Number(process.env.BENCH_NOTIFY_BURST ?? 500);
const MOBILE = '13900001234';

export async function notify(): Promise<BenchResult> {
  const started = performance.now();
  const loadBefore = loadAverage();
  // The gateway: when each message key first arrived (a repeat of a key is the same message).
  const arrived = new Map<string, { at: number; caseNo: string }>();
  const gateway = await startHttpReceiver((request) => {
    const key = String(request.headers['idempotency-key']);
    const params = (request.body as { params?: { caseNo?: string } }).params ?? {};
    if (!arrived.has(key)) arrived.set(key, { at: Date.now(), caseNo: params.caseNo ?? '' });
    return { status: 200, json: { code: 'OK', messageId: key } };
  });
  const sys = await startSystem();
  const pool = new pg.Pool({ connectionString: sys.database.url, max: 2 });
  try {
    const admin = await signIn(sys.baseUrl, 'admin');
    const supervisor = await signIn(sys.baseUrl, 'supervisor');
    const station = await signIn(sys.baseUrl, 'station');
    const caseworker = await signIn(sys.baseUrl, 'caseworker');
    expectStatus(
      await admin.request('POST', '/api/notify/channels', {
        name: '基准短信网关',
        unitId: null,
        config: {
          kind: 'SMS',
          endpoint: `${gateway.url}/sms`,
          signName: '【成都关爱援助】',
          templates: { ASSIGNED: 'TPL_ASSIGNED' },
        },
      }),
      201,
      'add the SMS channel',
    );
    expectStatus(
      await admin.request('PUT', `/api/notify/preferences/${caseworker.user.id}`, {
        mobile: MOBILE,
        channels: { ASSIGNED: ['SMS'] },
        quietHours: { enabled: false, start: 1320, end: 420 },
      }),
      200,
      'set the caseworker’s preferences',
    );

    // Latency: the supervisor hands a SCREEN task to the caseworker (REASSIGN → ASSIGNED → SMS), one at
    // a time; from the API's answer (the event is recorded and projected, its notification written) to
    // the gateway's receipt of the message.
    console.log(`  ${EVENTS} cases opened at 水井坊社区…`);
    const tasks: { id: string; caseNo: string }[] = [];
    for (let i = 0; i < EVENTS; i++) {
      const opened = expectStatus(
        await station.request('POST', '/api/cases', {
          person: { name: `通知基准${i}`, hukou: 'CHENGDU' },
          situation: '独居',
        }),
        201,
        'open a case',
      ).json() as { id: string; caseNo: string };
      const [task] = expectStatus(
        await supervisor.request(
          'GET',
          `/api/tasks${listQuery({ filter: { scope: 'unit', caseId: opened.id, kind: 'SCREEN' } })}`,
        ),
        200,
        'find the SCREEN task',
      ).json() as { id: string }[];
      tasks.push({ id: task!.id, caseNo: opened.caseNo });
    }
    const latencies: number[] = [];
    for (const task of tasks) {
      expectStatus(
        await supervisor.request('POST', `/api/tasks/${task.id}/reassign`, {
          assigneeId: caseworker.user.id,
          reason: '基准测试分派',
        }),
        200,
        'reassign',
      );
      const answered = Date.now();
      const deadline = answered + 60_000;
      let arrival: number | undefined;
      while (Date.now() < deadline) {
        arrival = [...arrived.values()].find((a) => a.caseNo === task.caseNo)?.at;
        if (arrival) break;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      if (!arrival) throw new Error(`no message for ${task.caseNo} within 60 s`);
      latencies.push(arrival - answered);
    }
    const latency = summarise(latencies);

    // Throughput: a burst of notifications written at once (as a wave of SLA breaches would), and the
    // time until the gateway has taken every one — relay, one workflow each, plan, send, record.
    const before = arrived.size;
    const burstStart = Date.now();
    await pool.query(
      `INSERT INTO notification (user_id, kind, ref)
       SELECT $1::uuid, 'ASSIGNED', 'bench:' || i FROM generate_series(1, $2::int) i`,
      [caseworker.user.id, BURST],
    );
    const deadline = burstStart + 15 * 60_000;
    while (arrived.size - before < BURST && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const burstSeconds = (Date.now() - burstStart) / 1000;
    const delivered = arrived.size - before;
    const { rows } = await pool.query<{ sent: number; attempts: number }>(
      `SELECT count(*) FILTER (WHERE status = 'SENT')::int AS sent, coalesce(sum(attempts), 0)::int AS attempts FROM notification_delivery`,
    );
    const perSecond = delivered / burstSeconds;
    console.log(
      `\n${table([
        ['measure', 'n', 'p50 ms', 'p95 ms', 'max ms'],
        ['event → gateway (one at a time)', latency.n, latency.p50, latency.p95, latency.max],
      ])}\n\n  burst: ${delivered} of ${BURST} notifications at the gateway in ${round(burstSeconds)} s = ${round(perSecond)} notifications/s; ledger: ${rows[0]!.sent} SENT after ${rows[0]!.attempts} attempts`,
    );
    return result({
      name: 'notify',
      description:
        'Notifications leaving the system (issue 18): case event to SMS gateway latency, and the outbox throughput of a burst',
      startedAt: new Date().toISOString(),
      loadBefore,
      started,
      versions: await versions(sys.database.url, sys.temporal.cli),
      figures: {
        events: EVENTS,
        latencyMs: latency,
        burst: { notifications: BURST, delivered, seconds: round(burstSeconds), perSecond: round(perSecond) },
        ledger: rows[0],
      },
      targets: {
        deliveredOnce: {
          what: 'every notification of the burst at the gateway, each once in the ledger',
          target: `${BURST + EVENTS} SENT`,
          value: rows[0]!.sent,
          unit: 'deliveries',
          met: delivered === BURST && rows[0]!.sent === BURST + EVENTS,
        },
      },
      notes: [
        'The relay reads the outbox every 250 ms when idle (FOR UPDATE SKIP LOCKED); one delivery workflow per notification.',
        `The gateway is a local HTTP server answering at once; on 2 cores the load generator, API, worker, Temporal and PostgreSQL share the CPU (load before ${loadBefore.join(' / ')}).`,
      ],
    });
  } finally {
    await pool.end();
    await gateway.close();
    await sys.stop();
  }
}
