/**
 * pnpm migrate:eventstore --from <sqlite file> --to <EVENTSTORE_URL or sqlite file>
 *
 * Copies the event log into another store (EventStoreDB, or another SQLite
 * file): see migrateEvents. Progress on stderr; the count comparison on
 * stdout. Exit 0: the target holds every source event; 1: it differs or the
 * copy failed (one line on stderr); 2: bad arguments.
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { ProgressBar } from '@werkbezoek/terminal';
import { openEventStore, type EventStoreConfig } from '../config.js';
import type { EventStore } from '../eventStore.js';
import { SqliteEventStore } from '../sqlite/sqliteEventStore.js';
import { migrateEvents, type MigrationResult } from './migrate.js';

const USAGE = 'usage: pnpm migrate:eventstore --from <sqlite file> --to <esdb://… URL or sqlite file>';

class UsageError extends Error {}

interface Arguments {
  readonly from: string;
  readonly to: EventStoreConfig;
}

const isUrl = (target: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(target);

function parseArguments(argv: readonly string[]): Arguments {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    if (flag !== '--from' && flag !== '--to') throw new UsageError(`unknown argument "${arg}"`);
    if (values.has(flag)) throw new UsageError(`${flag} is given twice`);
    const value = inline ?? argv[++i];
    if (value === undefined || value === '' || (inline === undefined && value.startsWith('--'))) {
      throw new UsageError(`${flag} needs a value`);
    }
    values.set(flag, value);
  }
  const from = values.get('--from');
  const to = values.get('--to');
  if (!from) throw new UsageError('--from is required: the SQLite event store file to copy');
  if (!to) throw new UsageError('--to is required: an EventStoreDB URL (esdb://…) or a SQLite file');
  if (!existsSync(from) || !statSync(from).isFile()) throw new UsageError(`--from ${from}: no such file`);
  if (isUrl(to)) {
    if (!/^(esdb|esdb\+discover|kurrentdb|kurrentdb\+discover):\/\//i.test(to)) {
      throw new UsageError(`--to ${redact(to)}: an EventStoreDB URL starts with esdb:// or esdb+discover://`);
    }
    return { from, to: { kind: 'eventstoredb', connectionString: to } };
  }
  if (existsSync(to) && realpathSync(to) === realpathSync(from)) {
    throw new UsageError('--from and --to are the same file');
  }
  if (!existsSync(resolve(to, '..')))
    throw new UsageError(`--to ${to}: the folder ${resolve(to, '..')} does not exist`);
  return { from, to: { kind: 'sqlite', path: to } };
}

/** A URL without its password, for printing. */
function redact(target: string): string {
  return target.replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:***@');
}

const count = (n: number | bigint) => Number(n).toLocaleString('en-GB');

/** The closing lines: what was copied, and whether the target now equals the source. */
function summary(result: MigrationResult): { lines: string[]; problem: string | undefined } {
  const lines = [
    `Copied ${count(result.copied)} events; ${count(result.skipped)} were in the target already.`,
    `Source: ${count(result.sourceEvents)} events in ${count(result.streams)} streams; ` +
      `target: ${count(result.targetEvents)} events in those streams.`,
  ];
  const [first] = result.differences;
  if (!first) {
    lines.push(`Every stream is at the same revision in both (${count(result.streams)} compared).`);
    return { lines, problem: undefined };
  }
  const at = (revision: bigint) => (revision < 0n ? 'absent' : `at revision ${revision}`);
  const problem =
    `The target differs from the source: ${count(result.differences.length)} of ${count(result.streams)} streams ` +
    `are at another revision (e.g. "${first.streamId}" is ${at(first.target)} in the target, ${at(first.source)} in the source); ` +
    `${count(result.targetEvents)} of ${count(result.sourceEvents)} events` +
    (result.finished ? '' : ' (the run stopped early: run it again to resume)');
  return { lines, problem };
}

async function main(): Promise<number> {
  let args: Arguments;
  try {
    args = parseArguments(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`migrate:eventstore: ${error.message}\n${USAGE}\n`);
    return 2;
  }
  const target = args.to.kind === 'sqlite' ? args.to.path : redact(args.to.connectionString);
  let from: EventStore | undefined;
  let to: EventStore | undefined;
  try {
    from = new SqliteEventStore({ path: args.from });
    to =
      args.to.kind === 'sqlite'
        ? // A power loss may undo the last appends of a NORMAL-synced file, never corrupt it: a rerun copies them again.
          new SqliteEventStore({ path: args.to.path, synchronous: 'NORMAL' })
        : await openEventStore(args.to, { log: (line) => process.stderr.write(`${line}\n`) });
    const bar = new ProgressBar({ label: `Copying ${args.from} to ${target}`, unit: 'events' });
    const result = await migrateEvents(from, to, (p) => bar.update(p.done, p.total));
    bar.finish(result.copied + result.skipped);
    const { lines, problem } = summary(result);
    process.stdout.write(`${lines.join('\n')}\n`);
    if (problem) {
      process.stderr.write(`migrate:eventstore: ${problem}\n`);
      return 1;
    }
    return 0;
  } catch (error) {
    const message = (error as Error).message.split('\n')[0]!.replace(/\s*Resolution note:\s*$/, '');
    process.stderr.write(`migrate:eventstore: ${message}\n`);
    return 1;
  } finally {
    await from?.close();
    await to?.close();
  }
}

process.exitCode = await main();
