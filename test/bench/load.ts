/**
 * A load generator in its own process on loopback, so the server's event loop
 * is not shared with the client's: `connections` loops send the same GraphQL
 * request back to back for `seconds`, and every latency is kept for exact
 * percentiles.
 *
 * usage: tsx load.ts <url> <token> <body-json> <seconds> <connections>
 */
import { Agent, request } from 'undici';

const [url, token, body, seconds, connections] = process.argv.slice(2);
if (!url || !token || !body) throw new Error('usage: load.ts <url> <token> <body> <seconds> <connections>');
const dispatcher = new Agent({ connections: Number(connections ?? 10), pipelining: 1 });
const end = performance.now() + Number(seconds ?? 10) * 1000;
const latencies: number[] = [];
let errors = 0;

async function loop(): Promise<void> {
  while (performance.now() < end) {
    const started = performance.now();
    const response = await request(url!, {
      method: 'POST',
      dispatcher,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body,
    });
    const text = await response.body.text();
    if (response.statusCode !== 200 || text.includes('"errors"')) errors++;
    latencies.push(performance.now() - started);
  }
}

const started = performance.now();
await Promise.all(Array.from({ length: Number(connections ?? 10) }, loop));
const elapsed = (performance.now() - started) / 1000;
latencies.sort((a, b) => a - b);
const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
process.stdout.write(
  JSON.stringify({
    requests: latencies.length,
    rate: latencies.length / elapsed,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    errors,
  }),
);
await dispatcher.close();
