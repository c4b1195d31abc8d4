/**
 * The channels a notification leaves by (issue 18): e-mail, the WeChat Work and DingTalk group robots,
 * SMS through an HTTP gateway. Each is one small class behind `Channel`; the delivery activity knows
 * nothing else of them. Secrets (passwords, webhook keys, signing secrets, gateway tokens) live only in
 * the configuration and are never part of a result, an error message or a log line.
 */

export const CHANNEL_KINDS = ['EMAIL', 'WECOM_ROBOT', 'DINGTALK_ROBOT', 'SMS'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

export interface EmailConfig {
  kind: 'EMAIL';
  host: string;
  port: number;
  /** TLS from the start (465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  user?: string;
  password?: string;
  /** The sender, e.g. `"成都市关爱援助" <noreply@guanai.example>`. */
  from: string;
}

export interface WecomRobotConfig {
  kind: 'WECOM_ROBOT';
  /** The group robot's webhook, https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=… (the key is the secret). */
  webhookUrl: string;
}

export interface DingtalkRobotConfig {
  kind: 'DINGTALK_ROBOT';
  /** https://oapi.dingtalk.com/robot/send?access_token=… (the token is a secret). */
  webhookUrl: string;
  /** The robot's 加签 secret (SEC…): each request carries the signed timestamp. */
  secret?: string;
}

export interface SmsConfig {
  kind: 'SMS';
  /** The gateway adapter: GENERIC posts JSON; a provider-specific adapter is a small subclass. */
  provider: string;
  endpoint: string;
  token?: string;
  /** The sender signature the operator registered (e.g. 【成都关爱援助】). */
  signName: string;
  /** Template ids per message kind; the gateway fills `params` into the registered text. */
  templates: Record<string, string>;
}

export type ChannelConfig = EmailConfig | WecomRobotConfig | DingtalkRobotConfig | SmsConfig;

/** Who a message is for, as far as a channel needs to know. */
export interface Recipient {
  name: string;
  email?: string | null;
  /** For SMS, and for @-mentioning the person in a robot's group. */
  mobile?: string | null;
}

export interface OutgoingMessage {
  /**
   * Names this one notification on this one channel: the same key is the same message, so a receiver
   * that keeps keys (the SMS gateway, a mail server's Message-ID) can drop a repeat after a retry.
   */
  key: string;
  /** The message kind (ASSIGNED, BREACHED, DIGEST …): picks the SMS template. */
  kind: string;
  subject: string;
  /** Plain Chinese text; robots get it as markdown-free text, e-mail as its text part. */
  body: string;
  /** The template's parameters for SMS (short values: case number, due time …). */
  params?: Record<string, string>;
  /** A link into the admin, for channels that show one. */
  link?: string;
}

export interface SendResult {
  /** What the receiver said it did, for the attempt's record (a message id, `ok`); never a secret. */
  receipt: string;
}

/**
 * A refusal or failure of a channel. `retryable` failures (the network, a 5xx, a rate limit) are tried
 * again with backoff; the others (a bad address, a revoked robot, a missing template) are final.
 */
export class ChannelError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'ChannelError';
  }
}

export interface Channel {
  readonly kind: ChannelKind;
  send(recipient: Recipient, message: OutgoingMessage): Promise<SendResult>;
}
