/**
 * The platform under load, in a process of its own: started as `ROLE=all`
 * does (API and projector over the data directory's event store), with the
 * read models already built. It says on stdout, one JSON line each, when it
 * is ready (the read models at the log's head) and then, every second, its
 * memory (process.memoryUsage(): RSS of the whole process, V8's heap of the
 * main thread).
 *
 * usage: node --import tsx server.ts '{"dataDir": …, "readModels": …}'
 */
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
emit({
  type: 'ready',
  url: platform.url,
  events: Number(platform.events),
  startSeconds: (performance.now() - started) / 1000,
});

const sample = () => emit({ type: 'memory', at: Date.now(), ...process.memoryUsage() });
sample();
const sampling = setInterval(sample, 1000);

let stopping = false;
process.on('SIGTERM', () => {
  if (stopping) return;
  stopping = true;
  clearInterval(sampling);
  platform.close().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`[server] the stop failed: ${String(error)}\n`);
      process.exit(1);
    },
  );
});
