import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** The envelope: who the server was told the message is from and for. */
  mailFrom: string;
  rcptTo: string[];
  /** The user the client logged in as. */
  user?: string;
  message: ParsedMail;
}

/**
 * A real SMTP server on 127.0.0.1, on a free port, that accepts one user and keeps every message
 * it receives, and every login tried. No TLS: STARTTLS is not offered, and login is allowed in the
 * clear (on loopback), so the client must be told SMTP_ALLOW_PLAINTEXT=true.
 */
export async function startSmtpServer(credentials: { user: string; pass: string }) {
  const received: ReceivedMail[] = [];
  /** The user names of every AUTH command received, right or wrong. */
  const logins: string[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      logins.push(auth.username ?? '');
      if (auth.username === credentials.user && auth.password === credentials.pass) callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (message) => {
          const envelope = session.envelope;
          received.push({ mailFrom: envelope.mailFrom ? envelope.mailFrom.address : '', rcptTo: envelope.rcptTo.map((to) => to.address), user: session.user as string | undefined, message });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { port, received, logins, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
