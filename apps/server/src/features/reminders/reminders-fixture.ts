import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { expect } from 'vitest';
import type { TestApp } from '../../test/harness.js';

export type Received = { from: string; to: string[]; raw: string };

/**
 * A real SMTP server on 127.0.0.1 (random port). `refuse` answers RCPT with that code while set
 * (4xx temporary, 5xx permanent); every accepted message is kept in `received`.
 */
export async function localSmtp() {
  const received: Received[] = [];
  const state = { refuse: 0, attempts: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      state.attempts++;
      if (!state.refuse) return callback();
      const err = Object.assign(new Error('mailbox temporarily unavailable'), { responseCode: state.refuse });
      callback(err);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, received, state, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Accepts connections and never says a word: an SMTP server that hangs. */
export async function hangingServer() {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    connections: () => sockets.size,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

export type Hook = { headers: http.IncomingHttpHeaders; body: string };

/** A local HTTP receiver; `statuses` are answered in turn (then 200). */
export async function localWebhook(statuses: number[] = []) {
  const hooks: Hook[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      hooks.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.statusCode = statuses.shift() ?? 200;
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}/hook`, hooks, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

type Who = { headers: Record<string, string> };

export function call(t: TestApp, method: 'GET' | 'PUT' | 'POST', url: string, who: Who, payload?: unknown) {
  return t.app.inject({ method, url, headers: who.headers, ...(payload === undefined ? {} : { payload: payload as object }) });
}

export async function configureEmail(t: TestApp, admin: Who, port: number, extra: Record<string, unknown> = {}) {
  const res = await call(t, 'PUT', '/api/v1/settings/email', admin, {
    enabled: true,
    host: '127.0.0.1',
    port,
    secure: false,
    user: '',
    sender: 'noreply@retainer.test',
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(200);
}

/** A client and an open task for `userId`, written straight to their tables. */
export async function taskFor(t: TestApp, who: Who, userId: string, task: { title: string; dueOn: string }) {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/clients', headers: who.headers, payload: { kind: 'organisation', name: `杭州云帆科技有限公司${Math.random().toString(36).slice(2, 6)}` } });
  expect(res.statusCode, res.body).toBe(201);
  const client = res.json() as { id: string; name: string };
  const id = `task-${Math.random().toString(36).slice(2)}`;
  await t.db
    .insertInto('tasks')
    .values({ id, client_id: client.id, interaction_id: null, title: task.title, due_on: task.dueOn, assignee_id: userId, status: 'open', done_at: null, created_by: userId, created_at: t.clock.now().toISOString() })
    .execute();
  return { client, taskId: id };
}

export const deliveries = (t: TestApp) =>
  t.db.selectFrom('deliveries').select(['id', 'channel', 'user_id', 'idempotency_key', 'status', 'attempts', 'next_attempt_at', 'last_error', 'sent_at']).orderBy('id').execute();

function decodeBody(body: string, encoding: string): string {
  if (/base64/i.test(encoding)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/quoted-printable/i.test(encoding)) {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => `%${h}`);
    return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/gi, '%25'));
  }
  return body;
}

function decodeWords(header: string): string {
  return header
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([BQ])\?([^?]*)\?=/gi, (_, kind: string, text: string) =>
      kind.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : decodeBody(text.replace(/_/g, ' '), 'quoted-printable'),
    );
}

/** Just enough MIME for the tests: the subject and the decoded text/plain and text/html parts. */
export function parseMail(raw: string): { subject: string; messageId: string; text: string; html: string } {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(unfolded)?.[1] ?? '';
  const parts: Record<string, string> = {};
  for (const m of rest.join('\n\n').matchAll(/Content-Type: (text\/(?:plain|html))[^]*?Content-Transfer-Encoding: ([\w-]+)\r?\n\r?\n([^]*?)\r?\n--/gi)) {
    parts[m[1]!.toLowerCase()] = decodeBody(m[3]!, m[2]!);
  }
  return { subject: decodeWords(header('Subject')), messageId: header('Message-ID'), text: parts['text/plain'] ?? '', html: parts['text/html'] ?? '' };
}
