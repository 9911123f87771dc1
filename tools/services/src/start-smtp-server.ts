import type { AddressInfo } from 'node:net';
import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A message the server took, parsed enough to assert on. */
export interface ReceivedEmail {
  /** The envelope's sender and recipients (MAIL FROM, RCPT TO). */
  envelope: { from: string; to: string[] };
  /** The `From` header's address. */
  from: string;
  /** The `To` header's addresses. */
  to: string[];
  subject: string;
  text: string;
  html: string | null;
  /** Who logged in for it (null without AUTH). */
  user: string | null;
  raw: string;
}

export interface SmtpServer {
  host: string;
  port: number;
  /** `smtp://user:password@127.0.0.1:PORT` (credentials only with `auth`), as SMTP_URL takes it. */
  url: string;
  /** Every message taken so far, in order. */
  messages: ReceivedEmail[];
  /** Resolves once `count` messages were taken; rejects after `timeoutMs` (default 10 s). */
  waitForMessages(options: { count: number; timeoutMs?: number }): Promise<ReceivedEmail[]>;
  /** Answers the next messages' DATA with this reply (e.g. 451 to ask for a retry), or normally with null. */
  failWith(reply: { code: number; message: string } | null): void;
  stop(): Promise<void>;
}

const addresses = (value: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(value) ? value : value ? [value] : []).flatMap((entry) =>
    entry.value.map((mailbox) => mailbox.address ?? ''),
  );

/**
 * A real SMTP server on loopback (smtp-server) that keeps each message parsed (mailparser). With `auth`,
 * a login (PLAIN or LOGIN, over plain text since it is loopback) with that user and password is required.
 */
export async function startSmtpServer({
  port = 0,
  auth,
}: { port?: number; auth?: { user: string; password: string } } = {}): Promise<SmtpServer> {
  const messages: ReceivedEmail[] = [];
  const waiters = new Set<() => void>();
  let failure: { code: number; message: string } | null = null;
  const server = new SMTPServer({
    secure: false,
    // Loopback only, no certificate: no STARTTLS offered, logins in plain text allowed.
    disabledCommands: auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    allowInsecureAuth: true,
    authOptional: !auth,
    authMethods: ['PLAIN', 'LOGIN'],
    logger: false,
    // Stopping does not wait long for clients that keep their connection open.
    closeTimeout: 1_000,
    onAuth(credentials, _session, callback) {
      if (auth && credentials.username === auth.user && credentials.password === auth.password)
        return callback(null, { user: credentials.username });
      callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (failure) return callback(Object.assign(new Error(failure.message), { responseCode: failure.code }));
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw)
          .then((parsed) => {
            messages.push({
              envelope: {
                from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
                to: session.envelope.rcptTo.map((recipient) => recipient.address),
              },
              from: addresses(parsed.from)[0] ?? '',
              to: addresses(parsed.to),
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : null,
              user: typeof session.user === 'string' ? session.user : null,
              raw,
            });
            for (const wake of waiters) wake();
            callback();
          })
          .catch((error: Error) => callback(error));
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  // A client that hangs up mid-conversation must not crash the test run.
  server.on('error', () => {});
  const actualPort = (server.server.address() as AddressInfo).port;
  const credentials = auth ? `${encodeURIComponent(auth.user)}:${encodeURIComponent(auth.password)}@` : '';
  return {
    host: '127.0.0.1',
    port: actualPort,
    url: `smtp://${credentials}127.0.0.1:${actualPort}`,
    messages,
    waitForMessages: ({ count, timeoutMs = 10_000 }) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (messages.length < count) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(messages.slice());
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`expected ${count} emails within ${timeoutMs} ms, got ${messages.length}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
    failWith(reply) {
      failure = reply;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
