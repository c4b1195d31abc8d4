import { ChannelError } from './types.ts';

/** How long one request to a robot or gateway may take before the attempt counts as failed (and is retried). */
const TIMEOUT_MS = 10_000;

/**
 * Posts JSON and returns the parsed answer. A network failure, a timeout, a 5xx or a 429 is retryable;
 * another 4xx is final. Errors name the host only: the webhook's query string holds its key.
 */
export async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: unknown }> {
  const host = safeHost(url);
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    const reason = error instanceof Error && error.name === 'TimeoutError' ? 'timed out' : 'unreachable';
    throw new ChannelError(`${host} ${reason}`, true);
  }
  const text = await response.text().catch(() => '');
  if (!response.ok) {
    const retryable = response.status >= 500 || response.status === 429 || response.status === 408;
    throw new ChannelError(`${host} answered HTTP ${response.status}`, retryable);
  }
  try {
    return { status: response.status, json: text ? JSON.parse(text) : null };
  } catch {
    throw new ChannelError(`${host} answered something other than JSON`, true);
  }
}

export function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    throw new ChannelError('the channel’s address is not a URL', false);
  }
}

/** The robots' own answer: errcode 0 is success; their rate limits are worth another try. */
export function robotAnswer(host: string, json: unknown, rateLimitCodes: readonly number[]): string {
  const answer = (json ?? {}) as { errcode?: unknown; errmsg?: unknown };
  if (answer.errcode === 0) return 'ok';
  const code = typeof answer.errcode === 'number' ? answer.errcode : NaN;
  const message = typeof answer.errmsg === 'string' ? answer.errmsg.slice(0, 200) : 'no errmsg';
  throw new ChannelError(`${host} refused: errcode ${code} ${message}`, rateLimitCodes.includes(code));
}
