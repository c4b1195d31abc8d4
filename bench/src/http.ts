import { randomUUID } from 'node:crypto';
import { Agent, request as httpRequest } from 'node:http';

/** Keep-alive connections, as a browser or a load balancer would hold them. */
const agent = new Agent({ keepAlive: true, maxSockets: 256 });

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json(): any;
}

/**
 * One HTTP request with node:http (lighter on the load generator's CPU than fetch, which matters
 * when the generator shares two cores with the system it measures).
 */
export function send(
  baseUrl: string,
  method: string,
  path: string,
  { body, headers = {} }: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<Reply> {
  const url = new URL(path, baseUrl);
  const payload = body === undefined ? undefined : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method,
        headers: {
          ...(payload ? { 'Content-Type': 'application/json', 'Content-Length': String(payload.length) } : {}),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}

export interface Session {
  username: string;
  /** `guanai_session=<token>`: the HttpOnly session cookie. */
  cookie: string;
  user: { id: string; role: string; orgUnit: { id: string; path: string } };
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Reply>;
}

export const DEMO_PASSWORD = 'Guanai@2026';

/**
 * Whether a session's writes carry a fresh Idempotency-Key, as the admin sends one with each action
 * (admin/src/providers/dataProvider.ts); BENCH_IDEMPOTENCY_KEYS=0 leaves it out.
 */
export const IDEMPOTENCY_KEYS = process.env.BENCH_IDEMPOTENCY_KEYS !== '0';
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Signs a demo user in through the API and returns a client that sends the session cookie. */
export async function signIn(baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<Session> {
  const res = await send(baseUrl, 'POST', '/api/auth/login', { body: { username, password } });
  if (res.status !== 200) throw new Error(`sign-in of ${username} failed: ${res.status} ${res.text}`);
  const setCookie = res.headers['set-cookie'];
  const cookie = ((Array.isArray(setCookie) ? setCookie[0] : setCookie) ?? '').split(';')[0]!;
  const user = res.json();
  return {
    username,
    cookie,
    user,
    request: (method, path, body, headers = {}) =>
      send(baseUrl, method, path, {
        body,
        headers: {
          Cookie: cookie,
          ...(IDEMPOTENCY_KEYS && WRITES.has(method) ? { 'Idempotency-Key': randomUUID() } : {}),
          ...headers,
        },
      }),
  };
}

/** react-admin's list query string: each parameter JSON-encoded. */
export const listQuery = (params: Record<string, unknown>) =>
  '?' +
  new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, JSON.stringify(v)])).toString();

/** Throws with the response when the status is not the expected one. */
export function expectStatus(res: Reply, expected: number, what: string): Reply {
  if (res.status !== expected)
    throw new Error(`${what}: expected ${expected}, got ${res.status} ${res.text.slice(0, 300)}`);
  return res;
}
