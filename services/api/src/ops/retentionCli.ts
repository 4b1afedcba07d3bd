/**
 * `pnpm privacy:retention [--dry-run | --apply] [--as-of YYYY-MM-DD]`: the
 * data subjects past their retention period (issue 15), from the settings
 * of config.ts (RETENTION_*). A dry run (the default) prints who, as what,
 * since when and in how many events, and changes nothing; `--apply` erases
 * them through the erasure workflow (SYSTEM actor, reason
 * RETENTION_EXPIRED), then rebuilds the read models that hold personal data
 * with a progress bar, as the platform's projector would. Without a
 * platform running it acts as the projector (the read models are brought
 * up to date first); `--apply` refuses while a platform uses them.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { localDateOf, PrivacyHandlers } from '@werkbezoek/domain';
import { openEventStore, openKeyStore, type EventStore, type SubjectKeyStore } from '@werkbezoek/eventstore';
import {
  allProjections,
  CheckpointWatcher,
  ErasureEffect,
  openReadModels,
  PostgresProjectorLease,
  ProjectionRunner,
  projectionsHoldingPersonalData,
  type ReadModelDb,
} from '@werkbezoek/projections';
import { isLocalDate } from '@werkbezoek/schema';
import { ProgressBar } from '@werkbezoek/terminal';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { readModelDirectory } from '../privacy/dataSubjectDirectory.js';
import { applyRetention, describeReport, retentionReport, type RetentionReport } from '../privacy/retention.js';
import { runCli } from './cli.js';
import { count, OperationError } from './manifest.js';
import { isOpenElsewhere } from './sqlite.js';

const USAGE = 'pnpm privacy:retention [--dry-run (the default) | --apply] [--as-of YYYY-MM-DD (dry run only)]';

function table(report: RetentionReport): string[] {
  const periods = Object.entries(report.periods)
    .map(([kind, years]) => `${kind} ${years === null ? 'kept' : `${years} y`}`)
    .join(', ');
  if (report.due.length === 0) return [`  periods: ${periods}`];
  const kindsOf = (s: RetentionReport['due'][number]) => s.kinds.map((k) => k.kind).join('+');
  const width = Math.max(4, ...report.due.map((s) => kindsOf(s).length));
  const rows = report.due.map((s) =>
    [
      s.subjectId.padEnd(36),
      kindsOf(s).padEnd(width),
      (s.kinds.map((k) => k.retentionFrom ?? '').reduce((a, b) => (a >= b ? a : b), '') || '-').padEnd(14),
      s.expiresOn!.padEnd(12),
      String(s.eventCount).padStart(6),
      s.pendingErasureId ? 'erasure pending' : '',
    ]
      .join('  ')
      .trimEnd(),
  );
  return [
    `  periods: ${periods}`,
    `  ${'subject'.padEnd(36)}  ${'kind'.padEnd(width)}  ${'counts from'.padEnd(14)}  ${'expired on'.padEnd(12)}  ${'events'.padStart(6)}`,
    ...rows.map((r) => `  ${r}`),
  ];
}

/**
 * Takes the projector's place when no platform holds it: then the read models can be brought up to date
 * (and, with --apply, rebuilt). Undefined while a running platform's projector owns them.
 */
async function becomeProjector(config: Config): Promise<(() => Promise<void>) | undefined> {
  if (config.readModels.dialect === 'sqlite')
    return existsSync(config.readModels.path) && isOpenElsewhere(config.readModels.path) ? undefined : async () => {};
  const lease = new PostgresProjectorLease({ url: config.readModels.url });
  if (await lease.tryAcquire()) return () => lease.release();
  await lease.release();
  return undefined;
}

/** Catching up fewer events than this takes a moment: no bar. */
const CATCH_UP_BAR = 5000n;

const RUNNING =
  'stop it before --apply, or let its daily job erase (RETENTION_JOB=apply); a dry run works while it runs';

await runCli('pnpm privacy:retention', USAGE, async () => {
  const { values } = parseArgs({
    options: {
      'dry-run': { type: 'boolean' },
      apply: { type: 'boolean' },
      'as-of': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) return void process.stdout.write(`${USAGE}\n`);
  if (values.apply && values['dry-run']) throw new OperationError(`--apply or --dry-run, not both. Usage: ${USAGE}`);
  const asOf = values['as-of'] ?? localDateOf(new Date().toISOString());
  if (!isLocalDate(asOf))
    throw new OperationError(`--as-of must be a calendar date in the form YYYY-MM-DD; got "${asOf}"`);
  if (values.apply && values['as-of'] !== undefined)
    throw new OperationError('--as-of is for a dry run only: --apply erases what is past retention today');

  let config: Config;
  try {
    config = loadConfig(process.env, { cwd: resolve('.') });
  } catch (error) {
    if (error instanceof ConfigError) throw new OperationError(error.message);
    throw error;
  }
  const release = await becomeProjector(config);
  if (values.apply && !release)
    throw new OperationError(
      config.readModels.dialect === 'sqlite'
        ? `The platform is running on ${config.dataDir} (${config.readModels.path} is open): ${RUNNING}`
        : `A projector is active on these read models (it holds the projector lock): ${RUNNING}`,
    );
  let keyStore: SubjectKeyStore | undefined;
  let store: EventStore | undefined;
  let readModels: ReadModelDb | undefined;
  try {
    keyStore = config.eventStore.keys ? await openKeyStore(config.eventStore.keys) : undefined;
    store = await openEventStore(config.eventStore, keyStore ? { keyStore } : {});
    // Without a platform running, this process is the projector: the read models are brought up to date
    // first (a dry run erases nothing: no erasure effect runs); with one, they are read as it keeps them.
    readModels = openReadModels(config.readModels, release ? { projector: true } : {});
    let bar: ProgressBar | undefined;
    const runner = new ProjectionRunner({
      store,
      readModels,
      projections: allProjections,
      onProgress: (p) => bar?.update(Number(p.position), Number(p.head)),
    });
    if (release) {
      const behind =
        (await store.headPosition()) - (await new CheckpointWatcher(readModels).position().catch(() => 0n));
      if (behind > CATCH_UP_BAR)
        bar = new ProgressBar({ label: 'Bringing the read models up to date', unit: 'events' });
      await runner.catchUp();
      bar?.finish();
      bar = undefined;
    } else {
      const head = await store.headPosition();
      const at = await new CheckpointWatcher(readModels).position().catch(() => 0n);
      if (at < head)
        process.stdout.write(
          `Note: the running platform's read models stand at position ${count(at)} of ${count(head)}: the report may miss the latest events\n`,
        );
    }

    const report = await retentionReport(readModels, config.retention.periods, asOf).catch((error: unknown) => {
      throw new OperationError(
        `The read models hold no data-subject index yet (${error instanceof Error ? error.message : String(error)}): start the platform once to build them`,
      );
    });
    process.stdout.write(
      [`${describeReport(report)}${values.apply ? '' : ' (dry run)'}`, ...table(report), ''].join('\n'),
    );
    if (!values.apply) {
      if (report.due.length > 0) process.stdout.write('Nothing was erased: run with --apply to erase them.\n');
      return;
    }
    if (report.due.length === 0) return;
    if (!keyStore)
      throw new OperationError('No key store is configured: nothing can be erased (see DATA_DIR and DATABASE_URL)');

    const privacy = new PrivacyHandlers({ store, subjects: readModelDirectory(readModels), keys: keyStore });
    const outcomes = await applyRetention(privacy, report, new Date());
    const erased = outcomes.filter((o) => o.status === 'ERASED');
    for (const o of outcomes)
      if (o.status === 'SKIPPED') process.stdout.write(`  skipped ${o.subjectId}: ${o.reason}\n`);
    await runner.catchUp();
    if (erased.length === 0) return void process.stdout.write('Nothing was erased.\n');
    const rebuilt = projectionsHoldingPersonalData(allProjections).map((p) => p.name);
    const started = Date.now();
    bar = new ProgressBar({ label: 'Rebuilding the read models without them', unit: 'events' });
    await new ErasureEffect({ readModels, keys: keyStore, projections: allProjections }).run(runner);
    bar.finish(Number(await store.headPosition()));
    bar = undefined;
    process.stdout.write(
      [
        `Erased ${count(erased.length)} data subject${erased.length === 1 ? '' : 's'} (SYSTEM, RETENTION_EXPIRED), skipped ${outcomes.length - erased.length}; their personal fields now read "[gewist]".`,
        `  rebuilt ${rebuilt.join(', ')} in ${((Date.now() - started) / 1000).toFixed(1)} s${readModels.dialect === 'sqlite' ? '; read-models.db compacted' : ''}`,
        '',
      ].join('\n'),
    );
  } finally {
    await readModels?.close();
    await store?.close();
    await keyStore?.close();
    await release?.();
  }
});
