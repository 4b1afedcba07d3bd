import { platformActor, type PrivacyHandlers } from '@werkbezoek/domain';
import {
  listErasures,
  subjectsPastRetention,
  type DataSubjectsDb,
  type ErasuresDb,
  type ReadModelDb,
  type RetentionPeriods,
  type RetentionStatus,
} from '@werkbezoek/projections';
import { DataSubjectKinds, DomainError, type DataSubjectKind } from '@werkbezoek/schema';
import type { Kysely } from 'kysely';

/** A subject past retention, and whether an erasure of theirs already awaits a second person. */
export interface RetentionCandidate extends RetentionStatus {
  /** A pending erasure (requested by management, not confirmed): retention leaves it to them. */
  readonly pendingErasureId: string | null;
}

/**
 * What retention would erase on `asOf`: every subject whose data is past
 * the retention period of every kind the log names them as (see
 * `subjectsPastRetention`), the longest expired first. Ids, kinds, dates and
 * counts only: it can be logged and shown.
 */
export interface RetentionReport {
  readonly asOf: string;
  readonly periods: RetentionPeriods;
  readonly due: readonly RetentionCandidate[];
  /** Per kind: how many of `due` are named as it. */
  readonly byKind: readonly { readonly kind: DataSubjectKind; readonly subjects: number }[];
  /** How many events name the subjects of `due` (their fields read as erased afterwards). */
  readonly events: number;
}

export async function retentionReport(
  readModels: ReadModelDb,
  periods: RetentionPeriods,
  asOf: string,
): Promise<RetentionReport> {
  const pending = new Map(
    (await listErasures(readModels.db as Kysely<ErasuresDb>, { status: ['PENDING'] })).map(
      (e) => [e.subjectId, e.erasureId] as const,
    ),
  );
  const due = (await subjectsPastRetention(readModels.db as Kysely<DataSubjectsDb>, periods, asOf)).map((s) => ({
    ...s,
    pendingErasureId: pending.get(s.subjectId) ?? null,
  }));
  return {
    asOf,
    periods,
    due,
    byKind: DataSubjectKinds.codes
      .map((kind) => ({ kind, subjects: due.filter((s) => s.kinds.some((k) => k.kind === kind)).length }))
      .filter((k) => k.subjects > 0),
    events: due.reduce((sum, s) => sum + s.eventCount, 0),
  };
}

export interface RetentionOutcome {
  readonly subjectId: string;
  /** ERASED now; SKIPPED when the decider refused (erased meanwhile, an erasure pending): `reason` says why. */
  readonly status: 'ERASED' | 'SKIPPED';
  readonly reason?: string;
  /** The log position of DataSubjectErased, to wait for. */
  readonly position?: bigint;
}

/**
 * Erases every subject of `report.due` through the erasure workflow's
 * retention path: the SYSTEM actor, reason RETENTION_EXPIRED, no second
 * person (the retention policy is the approved decision). Each erasure
 * stores its events, then deletes the key; the projector rebuilds the read
 * models holding personal data after the batch that holds them. Command ids
 * derive from the day and the subject, so a run repeated on the same day
 * stores nothing twice. A subject with an erasure pending is left to it.
 */
export async function applyRetention(
  privacy: PrivacyHandlers,
  report: RetentionReport,
  now: Date,
  onErased?: (done: number, total: number) => void,
): Promise<RetentionOutcome[]> {
  const outcomes: RetentionOutcome[] = [];
  for (const subject of report.due) {
    if (subject.pendingErasureId) {
      outcomes.push({
        subjectId: subject.subjectId,
        status: 'SKIPPED',
        reason: `an erasure requested by management awaits confirmation (${subject.pendingErasureId})`,
      });
      continue;
    }
    try {
      const result = await privacy.erasePastRetention(
        { subjectId: subject.subjectId },
        {
          commandId: `retention/${report.asOf}/${subject.subjectId}`,
          issuedAt: now.toISOString(),
          actor: platformActor,
        },
      );
      outcomes.push({ subjectId: subject.subjectId, status: 'ERASED', position: result.position });
    } catch (error) {
      // The decider's refusals (erased or requested meanwhile) leave this subject; anything else stops the run.
      if (!(error instanceof DomainError)) throw error;
      outcomes.push({ subjectId: subject.subjectId, status: 'SKIPPED', reason: error.message });
    }
    onErased?.(outcomes.length, report.due.length);
  }
  return outcomes;
}

/** One line per kind for a log or a terminal: counts, never ids of people or values. */
export function describeReport(report: RetentionReport): string {
  const kinds = report.byKind.map((k) => `${k.subjects} ${k.kind}`).join(', ');
  const n = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;
  return report.due.length === 0
    ? `Retention on ${report.asOf}: nobody is past retention`
    : `Retention on ${report.asOf}: ${n(report.due.length, 'data subject')} past retention (${kinds}), named in ${n(report.events, 'event')}`;
}
