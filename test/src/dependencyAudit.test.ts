import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  describeAdvisory,
  exceptionProblems,
  judgeAudit,
  readAuditOutput,
  type AuditAdvisory,
  type AuditException,
} from './dependencyAudit.js';

const advisory = (overrides: Partial<AuditAdvisory>): AuditAdvisory => ({
  id: 1,
  github_advisory_id: 'GHSA-aaaa-bbbb-cccc',
  cves: ['CVE-2026-1111'],
  module_name: 'left-pad',
  severity: 'high',
  title: 'Prototype pollution',
  patched_versions: '>=1.3.1',
  findings: [{ version: '1.3.0', paths: ['web>left-pad'] }],
  ...overrides,
});

const exception = (overrides: Partial<AuditException> = {}): AuditException => ({
  advisory: 'GHSA-aaaa-bbbb-cccc',
  package: 'left-pad',
  reason: 'Only the build uses it, on our own sources; no fix released yet.',
  added: '2026-12-01',
  expires: '2027-03-01',
  ...overrides,
});

describe('the dependency audit', () => {
  it('reads a report, an unreachable endpoint (as on this machine: 405) and other failures apart', () => {
    const report = { advisories: { '1': advisory({}) }, metadata: {} };
    expect(readAuditOutput(JSON.stringify(report))).toEqual({ kind: 'report', report });
    expect(
      readAuditOutput(
        JSON.stringify({
          error: {
            code: 'ERR_PNPM_AUDIT_BAD_RESPONSE',
            message:
              'The audit endpoint (at https://registry.npmjs.org/-/npm/v1/security/audits/quick) responded with 405: ',
          },
        }),
      ).kind,
    ).toBe('unreachable');
    expect(
      readAuditOutput(JSON.stringify({ error: { code: 'ERR_PNPM_AUDIT_NO_LOCKFILE', message: 'No lockfile' } })),
    ).toEqual({
      kind: 'failed',
      reason: 'ERR_PNPM_AUDIT_NO_LOCKFILE: No lockfile',
    });
    expect(readAuditOutput('').kind).toBe('failed');
  });

  it('fails on high and critical advisories without an exception, by GHSA id or CVE, and counts the rest', () => {
    const report = {
      advisories: {
        '1': advisory({}),
        '2': advisory({
          id: 2,
          github_advisory_id: 'GHSA-dddd-eeee-ffff',
          cves: ['CVE-2026-2222'],
          severity: 'critical',
          module_name: 'tar',
        }),
        '3': advisory({ id: 3, severity: 'moderate', module_name: 'debug' }),
        '4': advisory({ id: 4, severity: 'low', module_name: 'ms' }),
      },
    };
    const verdict = judgeAudit(report, [exception(), exception({ advisory: 'CVE-2026-2222', package: 'tar' })]);
    expect(verdict.failing).toEqual([]);
    expect(verdict.excepted.map((e) => e.advisory.id)).toEqual([1, 2]);
    expect(verdict.below).toEqual({ moderate: 1, low: 1 });
    // An exception for the same advisory in another package covers nothing.
    const other = judgeAudit(report, [exception({ package: 'right-pad' })]);
    expect(other.failing.map((a) => a.id)).toEqual([1, 2]);
    expect(other.unused.map((e) => e.package)).toEqual(['right-pad']);
    expect(describeAdvisory(report.advisories['1'])).toBe(
      'high GHSA-aaaa-bbbb-cccc in left-pad 1.3.0: Prototype pollution (fixed in >=1.3.1)',
    );
  });

  it('takes exceptions with a reason and dates only, and fails on expired ones', () => {
    expect(exceptionProblems([exception()], '2026-12-03')).toEqual([]);
    expect(exceptionProblems([exception()], '2027-03-02')).toEqual([
      'exception 1 (GHSA-aaaa-bbbb-cccc): expired on 2027-03-01: update the package, or renew the exception with a new reason',
    ]);
    expect(exceptionProblems([exception({ advisory: '1234', reason: 'ok', added: '3 Dec' })], '2026-12-03')).toEqual([
      'exception 1 (1234): "advisory" must be a GHSA id or a CVE',
      'exception 1 (1234): "reason" must say why it is accepted (at least a sentence)',
      'exception 1 (1234): "added" must be a date, YYYY-MM-DD',
    ]);
  });

  it("holds the repository's exceptions to these rules", () => {
    const file = fileURLToPath(new URL('../../audit-exceptions.json', import.meta.url));
    const { exceptions } = JSON.parse(readFileSync(file, 'utf8')) as { exceptions: AuditException[] };
    expect(exceptionProblems(exceptions, new Date().toISOString().slice(0, 10))).toEqual([]);
  });
});
