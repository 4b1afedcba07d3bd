/** A load's outcome: how many requests, their rate, exact latency percentiles (ms) and failures. */
export interface Load {
  requests: number;
  rate: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

/** Summarises every latency of a load (sorting them in place) over `elapsed` seconds. */
export function summarize(latencies: number[], elapsed: number, errors: number): Load {
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return {
    requests: latencies.length,
    rate: latencies.length / elapsed,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    errors,
  };
}
