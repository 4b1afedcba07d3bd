/**
 * The platform under load, in a process of its own: started as `ROLE=all`
 * does (API and projector over the data directory's event store), with the
 * read models already built. It says on stdout, one JSON line each, when it
 * is ready (the read models at the log's head) and then, every second, its
 * memory (process.memoryUsage(): RSS of the whole process, V8's heap of the
 * main thread) and how long its event loop was held up in that second
 * (perf_hooks.monitorEventLoopDelay: the longest delay and the 99th
 * percentile, in ms): a request that blocks the loop delays every other one;
 * and, after each major (mark-compact) garbage collection, the heap it left:
 * what the process keeps, where the sampled heap also holds garbage not yet
 * collected (a sawtooth as long as a minute's window).
 *
 * usage: node --import tsx server.ts '{"dataDir": …, "readModels": …}'
 */
import { constants, monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { startPlatform } from '@werkbezoek/api';
import type { ReadModelConfig } from '@werkbezoek/projections';

const config = JSON.parse(process.argv[2] ?? 'null') as { dataDir: string; readModels: ReadModelConfig } | null;
if (!config) throw new Error('usage: server.ts <{"dataDir", "readModels"} as JSON>');

const emit = (line: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(line)}\n`);
const started = performance.now();
const platform = await startPlatform({
  dataDir: config.dataDir,
  readModels: config.readModels,
  auth: { mode: 'demo' },
  host: '127.0.0.1',
  port: 0,
  demoData: false,
  production: true,
  log: (message) => process.stderr.write(`[server] ${message}\n`),
});
// Ready when the projector has reached the head: a mutation's read-your-writes wait then measures only its own events.
for (;;) {
  const runner = platform.projector?.runner;
  if (runner) {
    await runner.waitFor(platform.events, 3_600_000);
    break;
  }
  await new Promise((resolve) => setTimeout(resolve, 100));
}
// And when the write side has read the log: the writes then measure their own work, not that first read.
await platform.contextReady;
emit({
  type: 'ready',
  url: platform.url,
  events: Number(platform.events),
  startSeconds: (performance.now() - started) / 1000,
});

// Sampled every 10 ms; a delay is how late a timer fired, so a loop blocked for 300 ms shows about 300.
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();
const ms = (ns: number) => Math.round(ns / 1e4) / 100;
const sample = () => {
  const delay =
    loopDelay.count > 0 ? { loopDelayMaxMs: ms(loopDelay.max), loopDelayP99Ms: ms(loopDelay.percentile(99)) } : {};
  loopDelay.reset();
  emit({ type: 'memory', at: Date.now(), ...process.memoryUsage(), ...delay });
};
sample();
const sampling = setInterval(sample, 1000);
// Observed, never forced: a forced collection would change what is measured.
const collections = new PerformanceObserver((list) => {
  // A gc entry's detail says which kind of collection it was (Node's types leave it out).
  const kinds = list.getEntries().map((e) => (e as unknown as { detail?: { kind?: number } }).detail?.kind);
  const major = kinds.includes(constants.NODE_PERFORMANCE_GC_MAJOR);
  if (major) emit({ type: 'heapAfterMajorGc', at: Date.now(), heapUsed: process.memoryUsage().heapUsed });
});
collections.observe({ entryTypes: ['gc'] });

let stopping = false;
process.on('SIGTERM', () => {
  if (stopping) return;
  stopping = true;
  clearInterval(sampling);
  collections.disconnect();
  platform.close().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`[server] the stop failed: ${String(error)}\n`);
      process.exit(1);
    },
  );
});
