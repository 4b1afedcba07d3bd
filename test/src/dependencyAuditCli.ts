import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  describeAdvisory,
  exceptionProblems,
  judgeAudit,
  readAuditOutput,
  type AuditException,
} from './dependencyAudit.js';

/*
 * CI's dependency audit (.ci/run): `pnpm audit --audit-level high` against the
 * exceptions in audit-exceptions.json (see dependencyAudit.ts). Exit code 1
 * when a high or critical advisory has no exception, an exception has expired
 * or the audit failed; 0 when the registry's audit endpoint cannot be reached,
 * saying plainly that nothing was checked.
 */

const root = fileURLToPath(new URL('../../', import.meta.url));
const say = (line: string) => process.stdout.write(`ci: dependency audit: ${line}\n`);
const today = new Date().toISOString().slice(0, 10);

const { exceptions } = JSON.parse(readFileSync(`${root}audit-exceptions.json`, 'utf8')) as {
  exceptions: AuditException[];
};
const problems = exceptionProblems(exceptions, today);
for (const problem of problems) say(`audit-exceptions.json: ${problem}`);

const audit = spawnSync('pnpm', ['audit', '--json', '--audit-level', 'high'], {
  cwd: root,
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
  timeout: 120_000,
});
const outcome = readAuditOutput(audit.stdout ?? '');

if (outcome.kind === 'unreachable') {
  say(`NOT CHECKED: the registry's audit endpoint could not be reached (${outcome.reason}).`);
  say('No advisory was looked up; run `pnpm audit --audit-level high` where the endpoint answers.');
  process.exit(problems.length > 0 ? 1 : 0);
}
if (outcome.kind === 'failed') {
  say(`FAILED: ${outcome.reason}${audit.stderr ? `\n${audit.stderr.trim().slice(0, 1000)}` : ''}`);
  process.exit(1);
}
const verdict = judgeAudit(outcome.report, exceptions);
for (const a of verdict.failing) say(`FAILS: ${describeAdvisory(a)}`);
for (const { advisory, exception } of verdict.excepted)
  say(`excepted until ${exception.expires}: ${describeAdvisory(advisory)} (${exception.reason})`);
for (const e of verdict.unused) say(`exception ${e.advisory} (${e.package}) is no longer needed: remove it`);
const below = Object.entries(verdict.below).map(([severity, n]) => `${n} ${severity}`);
say(
  `${verdict.failing.length} high or critical without an exception, ${verdict.excepted.length} excepted${
    below.length ? `; below high: ${below.join(', ')}` : ''
  }`,
);
process.exit(verdict.failing.length > 0 || problems.length > 0 ? 1 : 0);
