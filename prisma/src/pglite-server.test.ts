import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '@guanai/devtools/net';
import { startPglite } from '@guanai/devtools/pglite-server';

/**
 * The embedded PGlite of `npm start` is one Postgres session shared by every connection of the
 * API and the worker. Its server must hand the session to one connection for a whole query cycle
 * (and a whole transaction): interleaved Parse/Bind/Execute of two connections bind one request's
 * parameters into another's statement, and one user is answered with another user's rows.
 */
let server: Awaited<ReturnType<typeof startPglite>>;
const dataDir = mkdtempSync(join(tmpdir(), 'guanai-pglite-server-'));

async function connect() {
  const client = new pg.Client({ connectionString: server.url });
  client.on('error', () => {}); // a connection the test cuts on purpose reports it here
  await client.connect();
  return client;
}

async function withClient<T>(fn: (client: pg.Client) => Promise<T>) {
  const client = await connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** One client's mixed work: its own rows by parameter, parameter echoes, committed and rolled back transactions. */
async function work(client: pg.Client, me: number, rounds: number) {
  const committed: number[] = [];
  for (let r = 0; r < rounds; r++) {
    // a write, answered with the caller's own row
    const inserted = await client.query(
      'INSERT INTO item (owner, n, note) VALUES ($1, $2, $3) RETURNING owner, n, note',
      [me, r, `c${me}`],
    );
    expect(inserted.rows).toEqual([{ owner: me, n: r, note: `c${me}` }]);
    committed.push(r);

    // statements of different parameter counts, so that interleaved Bind messages cannot fit silently
    const echo = await client.query('SELECT $1::int AS a, $2::text AS b, $3::int AS c, $4::text AS d', [
      me,
      `b${me}.${r}`,
      r,
      `d${me}`,
    ]);
    expect(echo.rows).toEqual([{ a: me, b: `b${me}.${r}`, c: r, d: `d${me}` }]);
    const mine = await client.query('SELECT owner, note FROM item WHERE owner = $1 AND n = $2', [me, r]);
    expect(mine.rows).toEqual([{ owner: me, note: `c${me}` }]);

    if (r % 3 === 2) {
      // an explicit transaction: its own write is visible inside it; committed or rolled back as a whole
      const n = 1000 + r;
      const commit = r % 2 === 0;
      await client.query('BEGIN');
      await client.query('INSERT INTO item (owner, n, note) VALUES ($1, $2, $3)', [me, n, 'tx']);
      const inside = await client.query('SELECT count(*)::int AS k FROM item WHERE owner = $1 AND n = $2', [me, n]);
      expect(inside.rows).toEqual([{ k: 1 }]);
      const other = await client.query('SELECT count(*)::int AS k FROM item WHERE owner = $1 AND note = $2', [
        me,
        'tx',
      ]);
      expect(other.rows[0].k).toBe(committed.filter((x) => x >= 1000).length + 1);
      await client.query(commit ? 'COMMIT' : 'ROLLBACK');
      if (commit) committed.push(n);
      const after = await client.query('SELECT count(*)::int AS k FROM item WHERE owner = $1 AND n = $2', [me, n]);
      expect(after.rows).toEqual([{ k: commit ? 1 : 0 }]);
    }
  }
  const all = await client.query('SELECT n FROM item WHERE owner = $1 ORDER BY n', [me]);
  expect(all.rows.map((row) => row.n)).toEqual(committed.sort((a, b) => a - b));
}

/** A bare wire-protocol client: frames, and reads until a ReadyForQuery arrives. */
function frame(type: string, body: Buffer = Buffer.alloc(0)) {
  const head = Buffer.alloc(5);
  head.write(type, 0, 'latin1');
  head.writeInt32BE(4 + body.length, 1);
  return Buffer.concat([head, body]);
}
const cstr = (s: string) => Buffer.from(`${s}\0`);
async function rawConnect(port: number) {
  const socket = createConnection({ port, host: '127.0.0.1' });
  let received = Buffer.alloc(0);
  let waiter: (() => void) | null = null;
  socket.on('data', (chunk) => {
    received = Buffer.concat([received, chunk]);
    waiter?.();
  });
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  /** Sends and waits for an answer that ends with ReadyForQuery; returns its status byte. */
  const send = (data: Buffer) =>
    new Promise<string>((resolve, reject) => {
      received = Buffer.alloc(0);
      const timer = setTimeout(() => reject(new Error('no ReadyForQuery')), 10_000);
      waiter = () => {
        const end = received.length;
        if (end >= 6 && received[end - 6] === 0x5a && received.readInt32BE(end - 5) === 5) {
          clearTimeout(timer);
          resolve(String.fromCharCode(received[end - 1]!));
        }
      };
      socket.write(data);
    });
  const startup = Buffer.concat([
    Buffer.from([0, 3, 0, 0]),
    cstr('user'),
    cstr('postgres'),
    cstr('database'),
    cstr('postgres'),
    Buffer.from([0]),
  ]);
  const length = Buffer.alloc(4);
  length.writeInt32BE(4 + startup.length);
  expect(await send(Buffer.concat([length, startup]))).toBe('I');
  return { socket, send };
}
const closed = (socket: Socket) =>
  new Promise((resolve) => (socket.destroyed ? resolve(null) : socket.once('close', resolve)));

beforeAll(async () => {
  server = await startPglite({ dataDir, port: await freePort() });
  await withClient((client) =>
    client.query('CREATE TABLE item (id serial PRIMARY KEY, owner int NOT NULL, n int NOT NULL, note text)'),
  );
}, 120_000);
afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the embedded PGlite server under concurrent connections', () => {
  it('answers 32 concurrent clients each with its own rows, parameters and transactions', async () => {
    const clients = await Promise.all(Array.from({ length: 32 }, () => connect()));
    try {
      await Promise.all(clients.map((client, me) => work(client, me + 1, 12)));
    } finally {
      await Promise.all(clients.map((client) => client.end()));
    }
  }, 30_000);

  it('rolls back the transaction of a connection that closes inside it, and the others go on', async () => {
    // a bare client inside a transaction with a write, holding the session in the middle of an
    // extended-protocol cycle whose statement failed (the session then ignores messages until a Sync)
    const raw = await rawConnect(Number(new URL(server.url).port));
    expect(await raw.send(frame('Q', cstr('BEGIN')))).toBe('T');
    expect(
      await raw.send(frame('Q', cstr("INSERT INTO item (owner, n, note) VALUES (-2, 1, 'never committed')"))),
    ).toBe('T');
    raw.socket.write(
      Buffer.concat([
        frame('P', Buffer.concat([cstr(''), cstr('SELECT no_such_column FROM item'), Buffer.from([0, 0])])),
        frame('H'),
      ]),
    );

    // others queue behind it, and run once it is cut off; among them a pg client that is cut
    // off inside its own transaction with a write, while the rest keep working
    const quitter = (async () => {
      const client = await connect();
      await client.query('BEGIN');
      await client.query('INSERT INTO item (owner, n, note) VALUES (-1, 1, $1)', ['never committed']);
      const socket = (client as unknown as { connection: { stream: Socket } }).connection.stream;
      const gone = closed(socket);
      socket.destroy();
      await gone;
    })();
    const others = Promise.all(Array.from({ length: 8 }, (_, i) => withClient((client) => work(client, 100 + i, 6))));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const rawClosed = closed(raw.socket);
    raw.socket.destroy();
    await Promise.all([others, quitter, rawClosed]);

    await withClient(async (client) => {
      expect((await client.query('SELECT count(*)::int AS k FROM item WHERE owner < 0')).rows).toEqual([{ k: 0 }]);
      // the session is idle again: a new transaction starts and ends on its own
      await client.query('BEGIN');
      expect(
        (await client.query('SELECT count(*)::int AS k FROM item WHERE owner = $1', [100])).rows[0].k,
      ).toBeGreaterThan(0);
      await client.query('COMMIT');
      const status = await client.query('SELECT now() = statement_timestamp() AS outside');
      expect(status.rows).toEqual([{ outside: true }]);
    });
  }, 30_000);
});
