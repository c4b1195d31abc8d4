import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** One request the HTTP receiver took: its path with query, headers and parsed JSON body. */
export interface Received {
  url: URL;
  headers: IncomingMessage['headers'];
  body: unknown;
}

/**
 * A local HTTP server playing a robot's webhook or an SMS gateway: `answer` decides the status and JSON
 * of each request (fail for a while, then recover …); every request is kept for the test to read.
 */
export async function startHttpReceiver(
  answer: (request: Received, index: number) => { status: number; json: unknown },
): Promise<{ url: string; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const request: Received = {
        url: new URL(req.url ?? '/', 'http://receiver'),
        headers: req.headers,
        body: text ? (JSON.parse(text) as unknown) : null,
      };
      received.push(request);
      const { status, json } = answer(request, received.length - 1);
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(json));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * An in-process SMTP server (smtp-server) that parses each mail it accepts (mailparser); `refuse`
 * may answer a mail with an SMTP error code instead (451 temporary, 550 final).
 */
export async function startSmtpReceiver(
  refuse: (index: number) => number | null = () => null,
): Promise<{ port: number; mails: ParsedMail[]; close: () => Promise<void> }> {
  const mails: ParsedMail[] = [];
  let index = 0;
  const server = new SMTPServer({
    authOptional: true,
    // Plain text on 127.0.0.1: the test server takes any login, so a configured user is exercised too.
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username });
    },
    logger: false,
    onData(stream, _session, callback) {
      const code = refuse(index++);
      if (code) {
        stream.resume();
        stream.on('end', () => callback(Object.assign(new Error('refused by the test'), { responseCode: code })));
        return;
      }
      simpleParser(stream)
        .then((mail) => {
          mails.push(mail);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { port, mails, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
