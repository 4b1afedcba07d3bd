/*
 * The dependency audit of CI (issue 16): `pnpm audit --json` read against the
 * documented exceptions in audit-exceptions.json. Advisories of high or
 * critical severity fail CI unless an exception names them, with a reason and
 * a date until which it holds; an expired exception fails CI too. When the
 * registry's audit endpoint cannot be reached (this machine's registry answers
 * 405 to it), nothing was checked, and the run says so plainly instead of
 * failing: CI cannot tell a safe tree from an unchecked one there.
 */

export type Severity = 'info' | 'low' | 'moderate' | 'high' | 'critical';

const ORDER: readonly Severity[] = ['info', 'low', 'moderate', 'high', 'critical'];

/** One advisory of `pnpm audit --json` (npm's audit report format). */
export interface AuditAdvisory {
  readonly id: number;
  readonly github_advisory_id?: string;
  readonly cves?: readonly string[];
  readonly module_name: string;
  readonly severity: Severity;
  readonly title: string;
  readonly url?: string;
  readonly vulnerable_versions?: string;
  readonly patched_versions?: string;
  readonly findings?: readonly { readonly version: string; readonly paths: readonly string[] }[];
}

export interface AuditReport {
  readonly advisories: Readonly<Record<string, AuditAdvisory>>;
}

/** An advisory CI accepts for now: which, in what package, why, since and until when. */
export interface AuditException {
  /** A GHSA id (GHSA-xxxx-xxxx-xxxx) or a CVE (CVE-2026-12345). */
  readonly advisory: string;
  readonly package: string;
  readonly reason: string;
  /** YYYY-MM-DD. */
  readonly added: string;
  /** YYYY-MM-DD: from the day after, CI fails until the exception is renewed with a new reason or removed. */
  readonly expires: string;
}

export type AuditOutcome =
  | { readonly kind: 'report'; readonly report: AuditReport }
  | { readonly kind: 'unreachable'; readonly reason: string }
  | { readonly kind: 'failed'; readonly reason: string };

/** Errors that mean the audit endpoint was not reached or did not answer: nothing was checked. */
const UNREACHABLE = /AUDIT_BAD_RESPONSE|AUDIT_ENDPOINT|FETCH|ECONN|ENOTFOUND|ETIMEDOUT|EAI_AGAIN|NETWORK|SOCKET/i;

/** What `pnpm audit --json` printed: a report, an unreachable endpoint, or another failure. */
export function readAuditOutput(stdout: string): AuditOutcome {
  let parsed: unknown;
  try {
    parsed = JSON.parse(stdout);
  } catch {
    return { kind: 'failed', reason: `pnpm audit printed no JSON: ${stdout.trim().slice(0, 300) || '(nothing)'}` };
  }
  const error = (parsed as { error?: { code?: unknown; message?: unknown } }).error;
  if (error) {
    const reason = `${String(error.code)}: ${String(error.message)}`;
    return UNREACHABLE.test(reason) ? { kind: 'unreachable', reason } : { kind: 'failed', reason };
  }
  const advisories = (parsed as { advisories?: unknown }).advisories;
  if (!advisories || typeof advisories !== 'object')
    return { kind: 'failed', reason: 'pnpm audit printed JSON without advisories' };
  return { kind: 'report', report: parsed as AuditReport };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What is wrong with the exceptions file: missing fields, dates not YYYY-MM-DD, expired exceptions. */
export function exceptionProblems(exceptions: readonly AuditException[], today: string): string[] {
  const problems: string[] = [];
  exceptions.forEach((e, i) => {
    const name = `exception ${i + 1} (${e.advisory || 'no advisory'})`;
    if (!/^(GHSA-[\w]{4}-[\w]{4}-[\w]{4}|CVE-\d{4}-\d+)$/.test(e.advisory ?? ''))
      problems.push(`${name}: "advisory" must be a GHSA id or a CVE`);
    if (!e.package) problems.push(`${name}: "package" must name the package`);
    if (!e.reason || e.reason.trim().length < 20)
      problems.push(`${name}: "reason" must say why it is accepted (at least a sentence)`);
    if (!DATE.test(e.added ?? '')) problems.push(`${name}: "added" must be a date, YYYY-MM-DD`);
    if (!DATE.test(e.expires ?? '')) problems.push(`${name}: "expires" must be a date, YYYY-MM-DD`);
    else if (e.expires < today)
      problems.push(`${name}: expired on ${e.expires}: update the package, or renew the exception with a new reason`);
  });
  return problems;
}

export interface AuditVerdict {
  /** High and critical advisories no exception covers: CI fails. */
  readonly failing: readonly AuditAdvisory[];
  /** High and critical advisories an exception covers. */
  readonly excepted: readonly { readonly advisory: AuditAdvisory; readonly exception: AuditException }[];
  /** Advisories below high severity, counted per severity. */
  readonly below: Readonly<Partial<Record<Severity, number>>>;
  /** Exceptions no advisory needs any more: to be removed. */
  readonly unused: readonly AuditException[];
}

const covers = (exception: AuditException, advisory: AuditAdvisory) =>
  exception.package === advisory.module_name &&
  (exception.advisory === advisory.github_advisory_id || (advisory.cves ?? []).includes(exception.advisory));

/** Which advisories of a report fail CI (high or above, not excepted). */
export function judgeAudit(
  report: AuditReport,
  exceptions: readonly AuditException[],
  level: Severity = 'high',
): AuditVerdict {
  const failing: AuditAdvisory[] = [];
  const excepted: { advisory: AuditAdvisory; exception: AuditException }[] = [];
  const below: Partial<Record<Severity, number>> = {};
  const used = new Set<AuditException>();
  for (const advisory of Object.values(report.advisories)) {
    if (ORDER.indexOf(advisory.severity) < ORDER.indexOf(level)) {
      below[advisory.severity] = (below[advisory.severity] ?? 0) + 1;
      continue;
    }
    const exception = exceptions.find((e) => covers(e, advisory));
    if (exception) {
      used.add(exception);
      excepted.push({ advisory, exception });
    } else failing.push(advisory);
  }
  return { failing, excepted, below, unused: exceptions.filter((e) => !used.has(e)) };
}

/** One line per advisory, for the CI log. */
export function describeAdvisory(a: AuditAdvisory): string {
  const id = a.github_advisory_id ?? a.cves?.[0] ?? `npm advisory ${a.id}`;
  const versions = [...new Set((a.findings ?? []).map((f) => f.version))].join(', ');
  return `${a.severity} ${id} in ${a.module_name}${versions ? ` ${versions}` : ''}: ${a.title}${
    a.patched_versions ? ` (fixed in ${a.patched_versions})` : ''
  }`;
}
