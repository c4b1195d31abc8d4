import { createTransport } from 'nodemailer';
import {
  ChannelError,
  type Channel,
  type EmailConfig,
  type OutgoingMessage,
  type Recipient,
  type SendResult,
} from './types.ts';

/** SMTP errors worth another try: the connection, and the server's temporary (4xx) refusals. */
const RETRYABLE_CODES = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ECONNREFUSED', 'ECONNRESET']);

/**
 * E-mail over SMTP (nodemailer), subject and text in Chinese (UTF-8, encoded words in the header).
 * The Message-ID is derived from the message key, so a server or client that keeps ids sees a repeat
 * of the same notification as the same mail.
 */
export class EmailChannel implements Channel {
  readonly kind = 'EMAIL';
  constructor(private readonly config: EmailConfig) {}

  async send(recipient: Recipient, message: OutgoingMessage): Promise<SendResult> {
    if (!recipient.email) throw new ChannelError('the recipient has no e-mail address', false);
    const transport = createTransport({
      host: this.config.host,
      port: this.config.port,
      secure: this.config.secure,
      ...(this.config.user ? { auth: { user: this.config.user, pass: this.config.password ?? '' } } : {}),
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
      logger: false,
    });
    try {
      const info = await transport.sendMail({
        from: this.config.from,
        to: { name: recipient.name, address: recipient.email },
        subject: message.subject,
        text: message.link ? `${message.body}\n\n${message.link}` : message.body,
        messageId: `<${message.key.replace(/[^A-Za-z0-9.-]/g, '.')}@guanai>`,
        headers: { 'X-Guanai-Key': message.key },
      });
      return { receipt: String(info.messageId) };
    } catch (error) {
      const { code, responseCode } = error as { code?: string; responseCode?: number };
      const retryable =
        (responseCode !== undefined && responseCode >= 400 && responseCode < 500) ||
        (code !== undefined && RETRYABLE_CODES.has(code));
      const what = responseCode ? `SMTP ${responseCode}` : (code ?? 'failed');
      throw new ChannelError(`the mail server ${this.config.host} refused: ${what}`, retryable);
    } finally {
      transport.close();
    }
  }
}
