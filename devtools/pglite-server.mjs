// Embedded PostgreSQL for `npm start` when DATABASE_URL is not set: PGlite (Postgres in WASM)
// with its data in a folder, served over the PostgreSQL wire protocol on a local port.
//
// PGlite is ONE Postgres session; every connection of the API and the worker shares it. So a
// connection holds the session for a whole query cycle — from its first message after
// ReadyForQuery until the session answers ReadyForQuery — and, when that ReadyForQuery says
// "in a transaction" ('T' or 'E'), until one says "idle" ('I'). The others wait their turn in
// arrival order. (Handing over message by message, as @electric-sql/pglite-socket does, lets
// connections interleave Parse/Bind/Execute/Sync: one request's parameters reach another
// request's statement.) A connection that goes away while it holds the session has its cycle
// ended and its transaction rolled back before the next one gets the session.
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { PGlite } from '@electric-sql/pglite';

const PROTOCOL_3 = 196608;
const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;

function frame(type, body = '') {
  const bytes = Buffer.from(body);
  const message = Buffer.alloc(5 + bytes.length);
  message.write(type, 0, 'latin1');
  message.writeInt32BE(4 + bytes.length, 1);
  bytes.copy(message, 5);
  return message;
}
const SYNC = frame('S');
const ROLLBACK = frame('Q', 'ROLLBACK\0');

/** The status of the ReadyForQuery that ends the session's answer ('I', 'T', 'E'), or null if it does not end with one. */
function readyStatus(answer) {
  let at = 0;
  let last = -1;
  while (at + 5 <= answer.length) {
    last = at;
    at += 1 + answer.readInt32BE(at + 1);
  }
  return last >= 0 && at === answer.length && answer[last] === 0x5a ? String.fromCharCode(answer[last + 5]) : null;
}

/** The one session, lent to one connection at a time, in arrival order. */
function createSession(db) {
  let owner = null;
  let stopped = false;
  const waiting = [];
  return {
    /** Resolves true once `conn` holds the session, false if it left the queue first. */
    acquire(conn) {
      if (owner === conn) return true;
      if (!owner) {
        owner = conn;
        return true;
      }
      return new Promise((resolve) => waiting.push({ conn, resolve }));
    },
    release(conn) {
      if (owner !== conn) return;
      const next = waiting.shift();
      owner = next?.conn ?? null;
      next?.resolve(true);
    },
    leave(conn) {
      const i = waiting.findIndex((w) => w.conn === conn);
      if (i >= 0) waiting.splice(i, 1)[0].resolve(false);
    },
    holds: (conn) => owner === conn,
    get stopped() {
      return stopped;
    },
    stop() {
      stopped = true;
    },
    /** Runs protocol messages; a copy of the answer (PGlite answers the startup with a view of its own buffer). */
    exec(messages) {
      return db.runExclusive(async () => {
        if (stopped) throw new Error('PGlite server stopped');
        return Buffer.from(await db.execProtocolRaw(messages));
      });
    },
  };
}

function serve(socket, session) {
  const conn = {};
  const ready = []; // complete messages not yet run
  let input = Buffer.alloc(0);
  let started = false; // the startup message has arrived
  let ending = false; // Terminate arrived
  let closed = false;
  let busy = false;
  let abandoned = false;
  socket.setNoDelay(true);

  function split() {
    while (!ending && input.length >= (started ? 5 : 8)) {
      if (!started) {
        const length = input.readInt32BE(0);
        const code = input.readInt32BE(4);
        if (length < 8 || length > 10_000) return socket.destroy();
        if (input.length < length) return;
        const message = input.subarray(0, length);
        input = input.subarray(length);
        if (code === SSL_REQUEST || code === GSSENC_REQUEST) socket.write('N');
        else if (code === PROTOCOL_3) {
          started = true;
          ready.push(message);
        } else if (code === CANCEL_REQUEST)
          return socket.destroy(); // there is no backend to cancel
        else return socket.destroy(); // an unknown protocol
      } else {
        const length = 1 + input.readInt32BE(1);
        if (length < 5) return socket.destroy();
        if (input.length < length) return;
        const message = input.subarray(0, length);
        input = input.subarray(length);
        if (message[0] === 0x58 /* X: Terminate */) ending = true;
        else ready.push(message);
      }
    }
  }

  /** The messages up to the end of the next cycle: the startup message, a Query, or up to a Sync; else all there are. */
  function nextCycle() {
    let n = 0;
    while (n < ready.length) {
      const type = ready[n++][0];
      if (type === 0 || type === 0x51 /* Q */ || type === 0x53 /* S */) break;
    }
    return Buffer.concat(ready.splice(0, n));
  }

  async function pump() {
    if (busy) return;
    busy = true;
    try {
      while (ready.length && !closed) {
        if (!(await session.acquire(conn)) || closed) break;
        const answer = await session.exec(nextCycle());
        if (answer.length && !closed) socket.write(answer);
        if (readyStatus(answer) === 'I') session.release(conn);
      }
      if (ending && !ready.length) socket.end();
    } catch {
      socket.destroy();
    } finally {
      busy = false;
      if (closed) await abandon();
    }
  }

  /** A connection gone while it holds the session: end its cycle, roll its transaction back, pass the session on. */
  async function abandon() {
    session.leave(conn);
    if (abandoned || !session.holds(conn)) return;
    abandoned = true;
    try {
      if (!session.stopped && readyStatus(await session.exec(SYNC)) !== 'I') await session.exec(ROLLBACK);
    } catch {
      // stopping
    } finally {
      session.release(conn);
    }
  }

  socket.on('data', (chunk) => {
    input = input.length ? Buffer.concat([input, chunk]) : chunk;
    split();
    void pump();
  });
  socket.on('error', () => socket.destroy());
  socket.on('close', () => {
    closed = true;
    if (!busy) void abandon();
  });
}

export async function startPglite({ dataDir, port, host = '127.0.0.1' }) {
  mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create({ dataDir });
  const session = createSession(db);
  const sockets = new Set();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    serve(socket, session);
  });
  await new Promise((resolve, reject) => server.once('error', reject).listen(port, host, resolve));
  return {
    url: `postgresql://postgres@${host}:${port}/postgres?sslmode=disable`,
    async stop() {
      session.stop();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
      await db.close();
    },
  };
}
