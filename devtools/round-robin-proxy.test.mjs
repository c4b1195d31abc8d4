import { createServer } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from './net.mjs';
import { startRoundRobinProxy } from './round-robin-proxy.mjs';

/** An "API replica" answering its name and what it was sent. */
async function replica(name) {
  const port = await freePort();
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      res.writeHead(201, { 'Content-Type': 'application/json', 'X-Replica': name });
      res.end(
        JSON.stringify({
          name,
          method: req.method,
          url: req.url,
          body: Buffer.concat(chunks).toString(),
          key: req.headers['idempotency-key'],
        }),
      );
    });
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { name, port, server, stop: () => new Promise((resolve) => server.close(resolve)) };
}

const opened = [];
afterAll(() => Promise.all(opened.map((s) => new Promise((resolve) => s.close(resolve)))));

describe('the round-robin proxy in front of the API replicas (npm run cluster)', () => {
  it('sends requests to each replica in turn, with method, path, headers and body', async () => {
    const [a, b] = [await replica('a'), await replica('b')];
    const port = await freePort();
    const proxy = await startRoundRobinProxy({ port, upstreams: [{ port: a.port }, { port: b.port }] });
    opened.push(proxy, a.server, b.server);
    const answers = [];
    for (let i = 0; i < 4; i++) {
      const res = await fetch(`http://127.0.0.1:${port}/api/cases?i=${i}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `k-${i}` },
        body: JSON.stringify({ i }),
      });
      expect(res.status).toBe(201);
      answers.push(await res.json());
    }
    expect(answers.map((x) => x.name)).toEqual(['a', 'b', 'a', 'b']);
    expect(answers[3]).toEqual({ name: 'b', method: 'POST', url: '/api/cases?i=3', body: '{"i":3}', key: 'k-3' });
  });

  it('skips a replica that refuses connections (killed), and answers 502 when none is up', async () => {
    const [a, b] = [await replica('a'), await replica('b')];
    const port = await freePort();
    const proxy = await startRoundRobinProxy({ port, upstreams: [{ port: a.port }, { port: b.port }] });
    opened.push(proxy, b.server);
    await a.stop();
    for (let i = 0; i < 4; i++) {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(res.headers.get('x-replica')).toBe('b');
    }
    await b.stop();
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(res.status).toBe(502);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
  });
});
