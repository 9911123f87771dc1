import { connect, type Socket } from 'node:net';
import { startSmtpServer } from '../src/start-smtp-server.js';
import { startWebhookReceiver } from '../src/start-webhook-receiver.js';

/** A bare SMTP client: sends a line, resolves with the server's complete reply (multi-line replies joined). */
async function smtpClient(port: number) {
  const socket: Socket = connect(port, '127.0.0.1');
  let buffer = '';
  let waiting: ((reply: string) => void) | undefined;
  socket.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    // A reply ends with a line "NNN text" (a space after the code); "NNN-text" lines continue it.
    const lines = buffer.split('\r\n');
    const last = lines.findIndex((line) => /^\d{3} /.test(line));
    if (last >= 0 && waiting) {
      const reply = lines.slice(0, last + 1).join('\n');
      buffer = lines.slice(last + 1).join('\r\n');
      const resolve = waiting;
      waiting = undefined;
      resolve(reply);
    }
  });
  const next = () => new Promise<string>((resolve) => (waiting = resolve));
  const greeting = await next();
  return {
    greeting,
    send: (line: string) => {
      const reply = next();
      socket.write(`${line}\r\n`);
      return reply;
    },
    close: () => socket.destroy(),
  };
}

describe('startSmtpServer', () => {
  it('takes a message after a login and keeps it parsed; refuses a wrong password and mail before a login', async () => {
    const server = await startSmtpServer({ auth: { user: 'mailer', password: 's3cret' } });
    let client: Awaited<ReturnType<typeof smtpClient>> | undefined;
    try {
      expect(server.url).toBe(`smtp://mailer:s3cret@127.0.0.1:${server.port}`);
      client = await smtpClient(server.port);
      expect(client.greeting).toMatch(/^220 /);
      expect(await client.send('EHLO tests')).toMatch(/AUTH PLAIN LOGIN/);
      expect(await client.send('MAIL FROM:<a@example.test>')).toMatch(/^530 /);
      const wrong = Buffer.from('\0mailer\0nope').toString('base64');
      expect(await client.send(`AUTH PLAIN ${wrong}`)).toMatch(/^535 /);
      const right = Buffer.from('\0mailer\0s3cret').toString('base64');
      expect(await client.send(`AUTH PLAIN ${right}`)).toMatch(/^235 /);
      expect(await client.send('MAIL FROM:<alerts@example.test>')).toMatch(/^250 /);
      expect(await client.send('RCPT TO:<ops@example.test>')).toMatch(/^250 /);
      expect(await client.send('DATA')).toMatch(/^354 /);
      const reply = await client.send(
        [
          'From: Alerts <alerts@example.test>',
          'To: ops@example.test',
          'Subject: =?UTF-8?Q?Stock_=C3=A9puis=C3=A9?=',
          'Content-Type: text/plain; charset=utf-8',
          '',
          'Three products are below 10.',
          '.',
        ].join('\r\n'),
      );
      expect(reply).toMatch(/^250 /);
      const [message] = await server.waitForMessages({ count: 1 });
      expect(message).toMatchObject({
        envelope: { from: 'alerts@example.test', to: ['ops@example.test'] },
        from: 'alerts@example.test',
        to: ['ops@example.test'],
        subject: 'Stock épuisé',
        text: 'Three products are below 10.\n',
        user: 'mailer',
      });

      server.failWith({ code: 451, message: 'Try again later' });
      await client.send('MAIL FROM:<alerts@example.test>');
      await client.send('RCPT TO:<ops@example.test>');
      await client.send('DATA');
      expect(await client.send('Subject: again\r\n\r\nbody\r\n.')).toMatch(/^451 /);
      expect(server.messages).toHaveLength(1);
    } finally {
      client?.close();
      await server.stop();
    }
  });
});

describe('startWebhookReceiver', () => {
  it('records requests with their raw body and answers as told, also never', async () => {
    const receiver = await startWebhookReceiver();
    try {
      const ok = await fetch(`${receiver.url}/hook?x=1`, { method: 'POST', body: '{"a":1}' });
      expect(ok.status).toBe(200);
      receiver.respond({ status: 503, body: 'later' });
      expect((await fetch(`${receiver.url}/hook`, { method: 'POST', body: '' })).status).toBe(503);
      expect(receiver.requests[0]).toMatchObject({ method: 'POST', url: '/hook?x=1', body: '{"a":1}' });
      receiver.respond('hang');
      const hanging = fetch(`${receiver.url}/slow`, { method: 'POST', body: '', signal: AbortSignal.timeout(300) });
      await expect(hanging).rejects.toThrow();
      await receiver.waitForRequests({ count: 3 });
    } finally {
      await receiver.stop();
    }
  });
});
