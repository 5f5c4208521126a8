// One timed autocannon run with exact latency percentiles (autocannon's own histogram has 1 ms resolution and no p95).
import autocannon from 'autocannon';

export type LoadSpec = {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Paths on url's host that each connection requests in turn (e.g. many client ids); default: url's own. */
  paths?: string[];
};

export type Measurement = {
  /** 2xx responses per second over the run. */
  rps: number;
  /** Milliseconds, over 2xx responses. */
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  durationS: number;
};

const round = (v: number, digits: number) => (Number.isFinite(v) ? Number(v.toFixed(digits)) : v);

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function runLoad(spec: LoadSpec, options: { connections: number; durationS: number }): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    let latencies = new Float64Array(1 << 16);
    let count = 0;
    let settled = false;
    const opts: autocannon.Options = {
      url: spec.url,
      connections: options.connections,
      duration: options.durationS,
      method: spec.method ?? 'GET',
      headers: spec.headers ?? {},
      timeout: 10,
    };
    if (spec.body !== undefined) opts.body = spec.body;
    if (spec.paths?.length) opts.requests = spec.paths.map((path) => ({ path }));

    // autocannon stops itself after the duration; this only guards against a wedged run.
    const guard = setTimeout(() => {
      if (!settled) instance.stop();
    }, (options.durationS + 30) * 1000);
    const instance = autocannon(opts, (err, result) => {
      settled = true;
      clearTimeout(guard);
      if (err) return reject(err);
      const sorted = latencies.subarray(0, count).sort();
      let sum = 0;
      for (let i = 0; i < count; i++) sum += sorted[i]!;
      const durationS = result.duration > 0 ? result.duration : options.durationS;
      resolve({
        rps: round(count / durationS, 1),
        p50: round(percentile(sorted, 50), 3),
        p95: round(percentile(sorted, 95), 3),
        p99: round(percentile(sorted, 99), 3),
        mean: count ? round(sum / count, 3) : Number.NaN,
        max: count ? round(sorted[count - 1]!, 3) : Number.NaN,
        requests: count,
        non2xx: result.non2xx,
        errors: result.errors,
        timeouts: result.timeouts,
        durationS,
      });
    });
    instance.on('response', (_client: unknown, statusCode: number | string, _bytes: number, responseTime: number) => {
      const code = Number(statusCode);
      if (code < 200 || code >= 300) return;
      if (count === latencies.length) {
        const bigger = new Float64Array(latencies.length * 2);
        bigger.set(latencies);
        latencies = bigger;
      }
      latencies[count++] = responseTime;
    });
  });
}
