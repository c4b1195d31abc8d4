import { postJson, safeHost } from './http.ts';
import {
  ChannelError,
  type Channel,
  type OutgoingMessage,
  type Recipient,
  type SendResult,
  type SmsConfig,
} from './types.ts';

/**
 * SMS through an HTTP gateway. Messages are templates the operator registered with the carrier (SMS in
 * China may only send registered text); the gateway fills in `params`. The generic adapter posts
 * `{requestId, to, signName, templateId, params}` with `Idempotency-Key` and expects `{code: "OK",
 * messageId}`; a provider whose API differs overrides `request` and `receipt` in a small subclass.
 */
export class SmsGatewayChannel implements Channel {
  readonly kind = 'SMS';
  constructor(protected readonly config: SmsConfig) {}

  async send(recipient: Recipient, message: OutgoingMessage): Promise<SendResult> {
    if (!recipient.mobile) throw new ChannelError('the recipient has no mobile number', false);
    const templateId = this.config.templates[message.kind];
    if (!templateId) throw new ChannelError(`no SMS template for ${message.kind}`, false);
    const { body, headers } = this.request(recipient.mobile, templateId, message);
    const { json } = await postJson(this.config.endpoint, body, headers);
    return { receipt: this.receipt(json) };
  }

  protected request(
    mobile: string,
    templateId: string,
    message: OutgoingMessage,
  ): { body: unknown; headers: Record<string, string> } {
    return {
      body: {
        requestId: message.key,
        to: mobile,
        signName: this.config.signName,
        templateId,
        params: message.params ?? {},
      },
      headers: {
        'idempotency-key': message.key,
        ...(this.config.token ? { authorization: `Bearer ${this.config.token}` } : {}),
      },
    };
  }

  protected receipt(json: unknown): string {
    const answer = (json ?? {}) as { code?: unknown; messageId?: unknown; message?: unknown };
    if (answer.code === 'OK' && typeof answer.messageId === 'string') return answer.messageId;
    const host = safeHost(this.config.endpoint);
    const why = typeof answer.message === 'string' ? answer.message.slice(0, 200) : String(answer.code);
    // A gateway that says "busy" asks for another try; anything else it refused is final.
    throw new ChannelError(`${host} refused: ${why}`, answer.code === 'THROTTLED' || answer.code === 'BUSY');
  }
}
