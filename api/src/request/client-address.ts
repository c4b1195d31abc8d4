import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * The address a request came from, for limits per client. Behind `trustedProxies` proxies that each
 * append the address they received the request from to X-Forwarded-For, it is the entry the farthest
 * of them appended (what a client puts in the header itself stands to the left of it and is ignored);
 * with none, it is the connection's peer, which a client cannot choose. 'local' when neither is known
 * (a request made in the process, as tests do).
 */
export function clientAddress(c: Context, trustedProxies = 0): string {
  if (trustedProxies > 0) {
    const hops = (c.req.header('X-Forwarded-For') ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean);
    if (hops.length > 0) return hops[Math.max(hops.length - trustedProxies, 0)]!;
  }
  try {
    return getConnInfo(c).remote.address ?? 'local';
  } catch {
    return 'local'; // no socket: a request made in the process
  }
}
