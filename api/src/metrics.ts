/** Prometheus text-format counters and a latency histogram for the API, kept in memory. */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

export function createMetrics() {
  const requests = new Map<string, number>();
  const histogram = new Map<string, { buckets: number[]; sum: number; count: number }>();
  return {
    observe(method: string, route: string, status: number, seconds: number) {
      const key = `method="${method}",route="${route}",status="${status}"`;
      requests.set(key, (requests.get(key) ?? 0) + 1);
      const hKey = `method="${method}",route="${route}"`;
      const h = histogram.get(hKey) ?? { buckets: BUCKETS.map(() => 0), sum: 0, count: 0 };
      BUCKETS.forEach((le, i) => {
        if (seconds <= le) h.buckets[i]! += 1;
      });
      h.sum += seconds;
      h.count += 1;
      histogram.set(hKey, h);
    },
    render(): string {
      const lines = [
        '# HELP guanai_http_requests_total HTTP requests by route and status.',
        '# TYPE guanai_http_requests_total counter',
      ];
      for (const [labels, value] of requests) lines.push(`guanai_http_requests_total{${labels}} ${value}`);
      lines.push(
        '# HELP guanai_http_request_duration_seconds HTTP request latency.',
        '# TYPE guanai_http_request_duration_seconds histogram',
      );
      for (const [labels, h] of histogram) {
        BUCKETS.forEach((le, i) =>
          lines.push(`guanai_http_request_duration_seconds_bucket{${labels},le="${le}"} ${h.buckets[i]}`),
        );
        lines.push(`guanai_http_request_duration_seconds_bucket{${labels},le="+Inf"} ${h.count}`);
        lines.push(`guanai_http_request_duration_seconds_sum{${labels}} ${h.sum}`);
        lines.push(`guanai_http_request_duration_seconds_count{${labels}} ${h.count}`);
      }
      return `${lines.join('\n')}\n`;
    },
  };
}
