/** Failed-login limiter: at most `limit` failures per key within `windowMs` (in memory, per API process). */
export function createLoginLimiter({ limit = 5, windowMs = 15 * 60_000 } = {}) {
  const failures = new Map<string, number[]>();
  const recent = (key: string, now: number) => (failures.get(key) ?? []).filter((t) => now - t < windowMs);
  return {
    /** Seconds until the key may try again, or 0. */
    retryAfter(key: string, now = Date.now()): number {
      const times = recent(key, now);
      failures.set(key, times);
      return times.length >= limit ? Math.ceil((times[0]! + windowMs - now) / 1000) : 0;
    },
    fail(key: string, now = Date.now()) {
      failures.set(key, [...recent(key, now), now]);
    },
    succeed(key: string) {
      failures.delete(key);
    },
  };
}
