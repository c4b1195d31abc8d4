// A small HTTP front for several API replicas (npm run cluster): each request goes to the next
// replica in turn; a replica that refuses the connection (killed, restarting) is skipped and the
// request tried on the next one, so a dead replica costs no request that never reached it.
import { request as httpRequest, createServer } from 'node:http';

/** `onAnswer(k)` is told each time the k-th upstream answers a request (tests count the replicas' share). */
export function startRoundRobinProxy({ port, host = '127.0.0.1', upstreams, onAnswer = () => {} }) {
  let next = 0;
  const server = createServer((req, res) => {
    // The body is read once, so that a request can be sent again to another replica.
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const tryUpstream = (attempt) => {
        const k = next++ % upstreams.length;
        const upstream = upstreams[k];
        const forward = httpRequest(
          {
            host: upstream.host ?? '127.0.0.1',
            port: upstream.port,
            method: req.method,
            path: req.url,
            headers: { ...req.headers, 'x-forwarded-for': req.socket.remoteAddress ?? '' },
          },
          (answer) => {
            onAnswer(k);
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
          },
        );
        forward.on('error', (error) => {
          // Only a refused connection is safe to retry: the request never reached that replica.
          if (error.code === 'ECONNREFUSED' && attempt < upstreams.length) return tryUpstream(attempt + 1);
          if (!res.headersSent) {
            res.writeHead(502, { 'Content-Type': 'application/problem+json' });
            res.end(JSON.stringify({ type: 'about:blank', title: 'Bad gateway', status: 502, detail: error.message }));
          } else res.destroy(error);
        });
        forward.end(body);
      };
      tryUpstream(1);
    });
  });
  return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
}
