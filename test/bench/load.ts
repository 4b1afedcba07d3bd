/**
 * A load generator in its own process on loopback, so the server's event loop
 * is not shared with the client's: `connections` loops send the same GraphQL
 * request back to back, and every latency is kept for exact percentiles.
 *
 * Several requests take turns in slices of `slice` seconds until each has had
 * `seconds`: these machines drift by tens of percent within a minute, and a
 * ratio of two requests measured one after the other would measure the drift.
 *
 * usage: tsx load.ts <url> <token> <seconds> <connections> <slice> <body-json>...
 * prints: one result per body, in order, as a JSON array
 */
import { Agent, request } from 'undici';

const [url, token, seconds, connections, slice, ...bodies] = process.argv.slice(2);
if (!url || !token || bodies.length === 0)
  throw new Error('usage: load.ts <url> <token> <seconds> <connections> <slice> <body>...');
const parallel = Number(connections ?? 10);
const dispatcher = new Agent({ connections: parallel, pipelining: 1 });

interface Tally {
  latencies: number[];
  errors: number;
  elapsed: number;
}

async function run(body: string, until: number, tally: Tally): Promise<void> {
  const loop = async () => {
    while (performance.now() < until) {
      const started = performance.now();
      const response = await request(url!, {
        method: 'POST',
        dispatcher,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body,
      });
      const text = await response.body.text();
      if (response.statusCode !== 200 || text.includes('"errors"')) tally.errors++;
      tally.latencies.push(performance.now() - started);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: parallel }, loop));
  tally.elapsed += (performance.now() - started) / 1000;
}

const tallies: Tally[] = bodies.map(() => ({ latencies: [], errors: 0, elapsed: 0 }));
const turns = Math.max(1, Math.round(Number(seconds ?? 10) / Number(slice ?? 1)));
const turn = (Number(seconds ?? 10) / turns) * 1000;
for (let t = 0; t < turns; t++) {
  for (const [i, body] of bodies.entries()) await run(body, performance.now() + turn, tallies[i]!);
}

process.stdout.write(
  JSON.stringify(
    tallies.map(({ latencies, errors, elapsed }) => {
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
    }),
  ),
);
await dispatcher.close();
