/**
 * A load generator (autocannon) in its own process on loopback, so the
 * server's event loop is not shared with the client's: `connections`
 * connections send the same GraphQL request back to back, and every latency
 * is kept for exact percentiles.
 *
 * Several requests take turns in slices of `slice` seconds until each has had
 * `seconds`: these machines drift by tens of percent within a minute, and a
 * ratio of two requests measured one after the other would measure the drift.
 *
 * usage: tsx load.ts <url> <token> <seconds> <connections> <slice> <body-json>...
 * prints: one result per body, in order, as a JSON array
 */
import autocannon from 'autocannon';
import { summarize } from './latency.js';

const [url, token, seconds, connections, slice, ...bodies] = process.argv.slice(2);
if (!url || !token || bodies.length === 0)
  throw new Error('usage: load.ts <url> <token> <seconds> <connections> <slice> <body>...');

interface Tally {
  latencies: number[];
  errors: number;
  elapsed: number;
}

/** One turn of autocannon for `duration` seconds; every latency is kept, as its histogram has no p95. */
async function run(body: string, duration: number, tally: Tally): Promise<void> {
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: url!,
        connections: Number(connections ?? 10),
        pipelining: 1,
        duration,
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body,
        // A GraphQL error comes with status 200; it must not pass for an answer.
        verifyBody: (answer) => !String(answer).includes('"errors"'),
      },
      (error: unknown, done) =>
        error ? reject(error instanceof Error ? error : new Error(JSON.stringify(error))) : resolve(done),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => tally.latencies.push(responseTime));
  });
  tally.errors += result.errors + result.timeouts + result.non2xx + result.mismatches;
  tally.elapsed += result.duration;
}

const tallies: Tally[] = bodies.map(() => ({ latencies: [], errors: 0, elapsed: 0 }));
const turns = Math.max(1, Math.round(Number(seconds ?? 10) / Number(slice ?? 1)));
for (let t = 0; t < turns; t++) {
  for (const [i, body] of bodies.entries()) await run(body, Number(seconds ?? 10) / turns, tallies[i]!);
}

process.stdout.write(
  JSON.stringify(tallies.map(({ latencies, elapsed, errors }) => summarize(latencies, elapsed, errors))),
);
