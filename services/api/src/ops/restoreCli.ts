/**
 * `pnpm restore --from <backup dir> [--data-dir <dir>] [--force]`: puts a
 * backup made by `pnpm backup` in place while the platform is stopped; see
 * restore.ts.
 */
import { parseArgs } from 'node:util';
import { runCli } from './cli.js';
import { count, describeCheckpoint, OperationError } from './manifest.js';
import { restore } from './restore.js';

const USAGE = 'pnpm restore --from <backup dir> [--data-dir <dir> (default: $DATA_DIR or data)] [--force]';

await runCli('pnpm restore', USAGE, async () => {
  const { values } = parseArgs({
    options: {
      from: { type: 'string' },
      'data-dir': { type: 'string' },
      force: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) return void process.stdout.write(`${USAGE}\n`);
  if (!values.from) throw new OperationError(`--from <backup dir> is required. Usage: ${USAGE}`);
  const result = await restore({
    from: values.from,
    dataDir: values['data-dir'] ?? process.env.DATA_DIR ?? 'data',
    force: values.force ?? false,
  });
  const behind = result.checkpoints.filter((c) => BigInt(c.position) < result.head).length;
  process.stdout.write(
    [
      `Restored the backup of ${result.manifest.createdAt} into ${result.dataDir} (checksums verified)`,
      `  events      ${count(result.head)} (head position ${result.head})`,
      ...(result.manifest.keys
        ? [
            `  keys        ${count(result.manifest.keys.subjects)} data subjects, ${count(result.manifest.keys.erased)} erased`,
          ]
        : []),
      ...result.checkpoints.map((c) => `  checkpoint  ${describeCheckpoint(c)}`),
      ...(result.replacedDir ? [`The data that was there is in ${result.replacedDir}`] : []),
      result.checkpoints.length === 0
        ? 'The backup holds no read models: the platform builds them from the events when it starts.'
        : behind > 0
          ? `On start (pnpm start) the platform catches ${behind} read model(s) up from their checkpoints.`
          : 'The read models are at the head of the log.',
      '',
    ].join('\n'),
  );
});
