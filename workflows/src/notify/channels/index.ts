import { EmailChannel } from './email.ts';
import { DingtalkRobotChannel, WecomRobotChannel } from './robots.ts';
import { SmsGatewayChannel } from './sms.ts';
import type { Channel, ChannelConfig } from './types.ts';

export * from './types.ts';
export { dingtalkSign } from './robots.ts';

/** The channel a configuration describes. */
export function channelFor(config: ChannelConfig): Channel {
  switch (config.kind) {
    case 'EMAIL':
      return new EmailChannel(config);
    case 'WECOM_ROBOT':
      return new WecomRobotChannel(config);
    case 'DINGTALK_ROBOT':
      return new DingtalkRobotChannel(config);
    case 'SMS':
      return new SmsGatewayChannel(config);
  }
}

/** The configuration as an admin may see it back: every secret replaced by whether it is set. */
export function redactChannel(config: ChannelConfig): Record<string, unknown> {
  switch (config.kind) {
    case 'EMAIL': {
      const { password, ...rest } = config;
      return { ...rest, password: password ? '已设置' : null };
    }
    case 'WECOM_ROBOT':
      return { kind: config.kind, webhookUrl: maskQuery(config.webhookUrl) };
    case 'DINGTALK_ROBOT':
      return { kind: config.kind, webhookUrl: maskQuery(config.webhookUrl), secret: config.secret ? '已设置' : null };
    case 'SMS': {
      const { token, ...rest } = config;
      return { ...rest, token: token ? '已设置' : null };
    }
  }
}

/** A webhook with its query's values (the robot's key or token) hidden. */
function maskQuery(webhookUrl: string): string {
  const url = new URL(webhookUrl);
  for (const key of [...url.searchParams.keys()]) url.searchParams.set(key, '***');
  return url.toString();
}
