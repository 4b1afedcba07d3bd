import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { monotonicMs } from '../evidence.js';
import { addDays, type Desk, type Programme } from './programme.js';

/*
 * A stream of mixed mutations, as clients that retry would send them: each
 * logical command gets an Idempotency-Key (a UUID) and is sent again, with
 * the same key and body, until the server answers it: after a refused
 * connection, a connection cut mid-request, or an answer saying to send it
 * again (READ_MODELS_BEHIND, STORAGE_UNAVAILABLE). Once answered, each
 * command is delivered a second time with its key, as a client whose answer
 * was lost would, and both answers are kept for comparison.
 *
 * One worker per desk; each works only on its own desk's records (its
 * municipality's requests, their missions, its past mission), so every answer
 * is compared while nothing else can change what it shows.
 */

export type CommandKind =
  'submit' | 'amend' | 'accept' | 'decline' | 'planActivity' | 'planActivityOnNewMission' | 'recordLesson';

export interface GraphQLAnswer {
  readonly data?: Record<string, unknown> | null;
  readonly errors?: readonly { message: string; extensions?: { code?: string } }[];
}

export interface CommandRecord {
  readonly kind: CommandKind;
  readonly key: string;
  readonly desk: string;
  /** The record it acts on: the request, or the mission. */
  readonly target?: string;
  /** Sends until answered, the first answer included. */
  attempts: number;
  /** The answers that said to send the request again (READ_MODELS_BEHIND, STORAGE_UNAVAILABLE). */
  retryableAnswers: number;
  answer?: GraphQLAnswer;
  /** When it was answered with data, on the monotonic clock (`monotonicMs`). */
  answeredAt?: number;
  /** The answer to the second delivery with the same key, and its sends. */
  repeated?: GraphQLAnswer;
  repeatedAttempts?: number;
}

const REQUEST = 'id status startDate endDate delegationSize decidedOn declineReason mission { id status }';
const documents: Record<CommandKind, string> = {
  submit: `mutation Submit($input: SubmitAccompanimentRequestInput!) { submitAccompanimentRequest(input: $input) { ${REQUEST} } }`,
  amend: `mutation Amend($input: AmendAccompanimentRequestInput!) { amendAccompanimentRequest(input: $input) { ${REQUEST} } }`,
  accept: `mutation Accept($input: DecideAccompanimentInput!) { decideAccompaniment(input: $input) { ${REQUEST} } }`,
  decline: `mutation Decline($input: DecideAccompanimentInput!) { decideAccompaniment(input: $input) { ${REQUEST} } }`,
  planActivity: `mutation Plan($input: PlanMissionActivityInput!) { planMissionActivity(input: $input) { id status activitiesPlanned } }`,
  planActivityOnNewMission: `mutation Plan($input: PlanMissionActivityInput!) { planMissionActivity(input: $input) { id status activitiesPlanned } }`,
  recordLesson: `mutation Lesson($input: RecordLessonInput!) { recordLesson(input: $input) { id title missionId recordedOn } }`,
};

/** Answers that say the request may be sent again as it was, with its key. */
const SEND_AGAIN = new Set(['READ_MODELS_BEHIND', 'STORAGE_UNAVAILABLE']);

const ACTIVITIES = ['PREPARATORY_TRAINING', 'TERMS_OF_REFERENCE', 'DELEGATION_MEETINGS', 'EVALUATION_MEETING'];

/** A small seeded generator (mulberry32), so a run's choices can be repeated from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface LoadOptions {
  /** The GraphQL endpoint; the server behind it may be killed and started again on the same port. */
  readonly url: string;
  readonly programme: Programme;
  readonly random: () => number;
  /** Gives up on a command that is still unanswered after this long (the server never came back). */
  readonly commandDeadlineMs?: number;
}

export class LoadGenerator {
  readonly records: CommandRecord[] = [];
  /** When commands were answered with data, in order, on the monotonic clock: recovery times are read from it. */
  readonly acknowledgements: number[] = [];
  private running = false;
  private workers: Promise<void>[] = [];
  private visits = 0;

  constructor(private readonly options: LoadOptions) {}

  start(): void {
    this.running = true;
    this.workers = this.options.programme.desks.map((desk) => this.work(desk));
  }

  /** Stops starting new commands; resolves when every command sent has been answered. */
  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.workers);
  }

  /** The first time a command was answered with data at or after `since` (both `monotonicMs`). */
  firstAcknowledgementAfter(since: number): number | undefined {
    return this.acknowledgements.find((t) => t >= since);
  }

  private async work(desk: Desk): Promise<void> {
    const { random } = this.options;
    while (this.running) {
      const roll = random();
      if (roll < 0.6) await this.requestChain(desk);
      else if (roll < 0.8)
        await this.command(desk, 'planActivity', desk.pastMissionId, {
          input: {
            missionId: desk.pastMissionId,
            activity: ACTIVITIES[Math.floor(random() * ACTIVITIES.length)],
            plannedOn: this.options.programme.today,
            staffMemberId: desk.staffMemberIds[0]!,
          },
        });
      else
        await this.command(desk, 'recordLesson', desk.pastMissionId, {
          input: {
            missionId: desk.pastMissionId,
            authorStaffMemberId: desk.staffMemberIds[0]!,
            title: `Les ${this.records.length + 1} van ${desk.nisCode}`,
            body: 'Het stedenbandcomité werkt beter wanneer bestuur en middenveld samen aan tafel zitten.',
            level: random() < 0.5 ? 'PROCESS' : 'RESULTS',
            policyDomains: ['LOCAL_GOVERNANCE'],
          },
        });
    }
  }

  /** Submits a request, amends it, decides it, and plans an activity on the mission of an accepted one. */
  private async requestChain(desk: Desk): Promise<void> {
    const { random, programme } = this.options;
    // Two-day visits spread over the next year and a half, so the staff's days and the budget last.
    const visit = this.visits++;
    const start = addDays(programme.today, 30 + ((visit * 7) % 540));
    const staffMemberId = desk.staffMemberIds[visit % desk.staffMemberIds.length]!;
    const submitted = await this.command(desk, 'submit', undefined, {
      input: {
        twinningId: desk.twinningId,
        missionType: 'EVALUATION',
        startDate: start,
        endDate: addDays(start, 1),
        reasons: ['CONTENT_PROBLEMS'],
        policyDomains: ['CIVIL_REGISTRATION'],
        delegationSize: 3,
      },
      deskToken: desk.coordinator,
    });
    const requestId = (submitted?.submitAccompanimentRequest as { id: string } | undefined)?.id;
    if (!requestId) return;
    await this.command(desk, 'amend', requestId, {
      input: { requestId, delegationSize: 4 + Math.floor(random() * 6) },
      deskToken: desk.coordinator,
    });
    if (random() < 0.3) {
      await this.command(desk, 'decline', requestId, {
        input: {
          requestId,
          decision: 'DECLINE',
          declineReason: 'NOT_OPPORTUNE',
          note: 'Dit bezoek past dit jaar niet in het programma; dien het volgend jaar opnieuw in.',
        },
      });
      return;
    }
    const accepted = await this.command(desk, 'accept', requestId, {
      input: { requestId, decision: 'ACCEPT', staffMemberId },
    });
    const missionId = (accepted?.decideAccompaniment as { mission?: { id: string } } | undefined)?.mission?.id;
    if (missionId && random() < 0.5)
      await this.command(desk, 'planActivityOnNewMission', missionId, {
        input: { missionId, activity: 'PREPARATORY_TRAINING', plannedOn: start, staffMemberId },
      });
  }

  /** Sends one logical command until answered, then once more with its key; returns its data. */
  private async command(
    desk: Desk,
    kind: CommandKind,
    target: string | undefined,
    { deskToken, ...variables }: Record<string, unknown> & { deskToken?: string },
  ): Promise<Record<string, unknown> | undefined> {
    const record: CommandRecord = {
      kind,
      key: randomUUID(),
      desk: desk.nisCode,
      ...(target ? { target } : {}),
      attempts: 0,
      retryableAnswers: 0,
    };
    this.records.push(record);
    const body = JSON.stringify({ query: documents[kind], variables });
    const token = deskToken ?? 'demo-staff';
    const first = await this.deliver(record, token, body);
    record.answer = first.answer;
    record.attempts = first.attempts;
    if (first.answer.data && !first.answer.errors?.length) {
      record.answeredAt = monotonicMs();
      this.acknowledgements.push(record.answeredAt);
    }
    const again = await this.deliver(record, token, body);
    record.repeated = again.answer;
    record.repeatedAttempts = again.attempts;
    return first.answer.data ?? undefined;
  }

  private async deliver(
    record: CommandRecord,
    token: string,
    body: string,
  ): Promise<{ answer: GraphQLAnswer; attempts: number }> {
    const deadline = monotonicMs() + (this.options.commandDeadlineMs ?? 120_000);
    for (let attempts = 1; ; attempts++) {
      try {
        const response = await fetch(this.options.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${token}`,
            'idempotency-key': record.key,
          },
          body,
          signal: AbortSignal.timeout(60_000),
        });
        const answer = (await response.json()) as GraphQLAnswer;
        const code = answer.errors?.[0]?.extensions?.code;
        if (!code || !SEND_AGAIN.has(code)) return { answer, attempts };
        record.retryableAnswers++;
      } catch {
        // Refused, cut or timed out: the server is down or was killed mid-request; send it again.
      }
      if (monotonicMs() > deadline)
        throw new Error(`Command ${record.kind} ${record.key} still unanswered after ${attempts} sends`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** The commands whose second delivery did not get the first answer. */
export function answerMismatches(records: readonly CommandRecord[]): CommandRecord[] {
  return records.filter((r) => !isDeepStrictEqual(r.answer, r.repeated));
}
