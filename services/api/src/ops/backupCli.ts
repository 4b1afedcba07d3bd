/**
 * `pnpm backup [--data-dir <dir>] [--to <dir>]`: an online backup of the
 * embedded default (events.db, read-models.db and keys.db in DATA_DIR) while the
 * platform may be running, with manifest.json; see backup.ts.
 */
import { parseArgs } from 'node:util';
import { ProgressBar } from '@werkbezoek/terminal';
import { backup, defaultBackupDir, type BackupProgress } from './backup.js';
import { runCli } from './cli.js';
import { count, describeCheckpoint, OperationError } from './manifest.js';

const USAGE =
  'pnpm backup [--data-dir <dir> (default: $DATA_DIR or data)] [--to <dir> (default: backups/<time> beside it)]';
/** Files smaller than this copy in well under a second: no bar. */
const LARGE = 32 * 2 ** 20;
const MiB = 2 ** 20;

await runCli('pnpm backup', USAGE, async () => {
  const { values } = parseArgs({
    options: { 'data-dir': { type: 'string' }, to: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) return void process.stdout.write(`${USAGE}\n`);
  if (process.env.EVENTSTORE_URL || process.env.DATABASE_URL)
    throw new OperationError(
      'EVENTSTORE_URL or DATABASE_URL is set: pnpm backup copies the embedded SQLite default only; back up EventStoreDB and PostgreSQL with their own tools (see the README)',
    );
  const dataDir = values['data-dir'] ?? process.env.DATA_DIR ?? 'data';
  const to = values.to ?? defaultBackupDir(dataDir, new Date());

  let bar: { file: string; bar: ProgressBar } | undefined;
  const onProgress = (p: BackupProgress) => {
    if (p.totalBytes < LARGE) return;
    if (bar?.file !== p.file)
      bar = {
        file: p.file,
        bar: new ProgressBar({ label: `Copying ${p.file}`, total: p.totalBytes / MiB, unit: 'MiB' }),
      };
    if (p.copiedBytes < p.totalBytes) bar.bar.update(p.copiedBytes / MiB);
    else bar.bar.finish(p.copiedBytes / MiB);
  };
  const { manifest } = await backup({ dataDir, to, onProgress });

  const sizes = Object.entries(manifest.files)
    .map(([file, entry]) => `${file} ${(entry.bytes / MiB).toFixed(1)} MiB`)
    .join(', ');
  process.stdout.write(
    [
      `Backed up ${manifest.source} to ${to} in ${(manifest.durationMs / 1000).toFixed(1)} s (${sizes}; integrity checked, SHA-256 in manifest.json)`,
      `  events      ${count(BigInt(manifest.eventStore.head))} (head position ${manifest.eventStore.head})`,
      ...(manifest.keys
        ? [`  keys        ${count(manifest.keys.subjects)} data subjects, ${count(manifest.keys.erased)} erased`]
        : []),
      ...manifest.checkpoints.map((c) => `  checkpoint  ${describeCheckpoint(c)}`),
      '',
    ].join('\n'),
  );
});
