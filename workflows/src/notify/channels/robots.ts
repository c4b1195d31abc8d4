import { createHmac } from 'node:crypto';
import { postJson, robotAnswer, safeHost } from './http.ts';
import type {
  Channel,
  DingtalkRobotConfig,
  OutgoingMessage,
  Recipient,
  SendResult,
  WecomRobotConfig,
} from './types.ts';

/** A robot's text: the subject on its own line, then the body and the link (robots show plain text). */
function robotText(message: OutgoingMessage): string {
  return [`【${message.subject}】`, message.body, message.link].filter(Boolean).join('\n');
}

/**
 * 企业微信群机器人: `{"msgtype":"text","text":{"content","mentioned_mobile_list"}}`; the person is
 * @-mentioned by mobile when we know it. errcode 45009 is its rate limit (tried again).
 */
export class WecomRobotChannel implements Channel {
  readonly kind = 'WECOM_ROBOT';
  constructor(private readonly config: WecomRobotConfig) {}

  async send(recipient: Recipient, message: OutgoingMessage): Promise<SendResult> {
    const { json } = await postJson(this.config.webhookUrl, {
      msgtype: 'text',
      text: {
        content: robotText(message),
        ...(recipient.mobile ? { mentioned_mobile_list: [recipient.mobile] } : {}),
      },
    });
    return { receipt: robotAnswer(safeHost(this.config.webhookUrl), json, [45009]) };
  }
}

/**
 * 钉钉群机器人 with 加签: the timestamp in ms and base64(HMAC-SHA256(secret, `${timestamp}\n${secret}`)),
 * URL-encoded, go on the webhook's query. errcode 130101 is its rate limit (tried again).
 */
export class DingtalkRobotChannel implements Channel {
  readonly kind = 'DINGTALK_ROBOT';
  constructor(
    private readonly config: DingtalkRobotConfig,
    private readonly now: () => number = Date.now,
  ) {}

  async send(recipient: Recipient, message: OutgoingMessage): Promise<SendResult> {
    const { json } = await postJson(this.signedUrl(), {
      msgtype: 'text',
      text: { content: robotText(message) },
      at: { atMobiles: recipient.mobile ? [recipient.mobile] : [], isAtAll: false },
    });
    return { receipt: robotAnswer(safeHost(this.config.webhookUrl), json, [130101]) };
  }

  private signedUrl(): string {
    if (!this.config.secret) return this.config.webhookUrl;
    const timestamp = String(this.now());
    const url = new URL(this.config.webhookUrl);
    url.searchParams.set('timestamp', timestamp);
    url.searchParams.set('sign', dingtalkSign(timestamp, this.config.secret));
    return url.toString();
  }
}

/** DingTalk's signature of a timestamp (before URL encoding). */
export function dingtalkSign(timestamp: string, secret: string): string {
  return createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
}
