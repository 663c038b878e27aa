import { createTransport } from 'nodemailer';
import type { DigestSettings } from '../schema/settings.ts';
import type { Digest } from './digest.ts';

export interface Delivery {
  recipient: string;
  /** The server's reply, or why sending failed. */
  response: string;
  ok: boolean;
}

/**
 * Sends the digest through the configured SMTP server, HTML with its plain-text alternative,
 * one message per recipient, so no reader sees the others' addresses. A failed recipient does
 * not stop the rest. Without TLS from the start (SMTP_SECURE), STARTTLS is required unless
 * SMTP_ALLOW_PLAINTEXT says otherwise.
 */
export async function sendDigest(digest: Digest, settings: DigestSettings): Promise<Delivery[]> {
  const requireTLS = !settings.SMTP_SECURE && !settings.SMTP_ALLOW_PLAINTEXT;
  const transport = createTransport({
    host: settings.SMTP_HOST,
    port: settings.SMTP_PORT,
    secure: settings.SMTP_SECURE,
    // Else nodemailer goes on in clear text, the password included, with a server (or a man in
    // the middle) that does not offer STARTTLS.
    requireTLS,
    auth: settings.SMTP_USER === undefined ? undefined : { user: settings.SMTP_USER, pass: settings.SMTP_PASS },
    // One connection for every recipient.
    pool: true,
  });
  try {
    const deliveries: Delivery[] = [];
    for (const recipient of settings.DIGEST_TO) {
      try {
        const info = await transport.sendMail({ from: settings.DIGEST_FROM, to: recipient, subject: digest.subject, text: digest.text, html: digest.html });
        deliveries.push({ recipient, response: info.response, ok: info.rejected.length === 0 });
      } catch (error) {
        const { message, code } = error as { message: string; code?: string };
        const response = requireTLS && code === 'ETLS' ? `no TLS with the server, so nothing was sent, the password neither (${message}); SMTP_ALLOW_PLAINTEXT=true sends without it, for a relay on this machine` : message;
        deliveries.push({ recipient, response, ok: false });
      }
    }
    return deliveries;
  } finally {
    transport.close();
  }
}
