import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requestDecider, requestStream, fold, type RequestCommand, type RequestEvent } from '@werkbezoek/domain';
import { IllegalStateError, type Actor, type RecordedEvent } from '@werkbezoek/schema';
import { SignJWT } from 'jose';
import { eventStoreConfigFromEnv, openEventStore } from '@werkbezoek/eventstore';
import { freshDatabase, type TestDatabase } from '@werkbezoek/projections/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { mutations } from '../../e2e/scenario.js';
import { freePort, webDistStub } from '../../topology/processes.js';
import { evidenceScale, recordEvidence } from '../evidence.js';
import { halfAccepted, readEventLog } from './eventLog.js';
import { PlatformRole, summary } from './platformProcess.js';
import { addDays, utcToday } from './programme.js';

/*
 * Issue 16, faults: two staff members decide the same undecided request at
 * the same moment, one accepting it and one declining it, each through an API
 * process of their own (ROLE=api, two replicas on one SQLite event log in
 * DATA_DIR, read models in PostgreSQL, a ROLE=projector process), signed in
 * with tokens of their own so the log tells them apart. Each round exactly
 * one decision must win and the other be refused with CONFLICT; the request's
 * stream must hold one decision, which the decider takes again from the
 * events before it; and a losing acceptance must give back the days and
 * budget it had taken.
 */

const auth = { issuer: 'https://login.vvsg.test', audience: 'werkbezoek', secret: randomUUID() } as const;

async function token(subject: string, role: string, claims: Record<string, unknown> = {}): Promise<string> {
  return new SignJWT({ role, name: subject, ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(subject)
    .setIssuer(auth.issuer)
    .setAudience(auth.audience)
    .setIssuedAt()
    .setExpirationTime('2h')
    .sign(new TextEncoder().encode(auth.secret));
}

interface Answer<T = Record<string, unknown>> {
  readonly data?: T | null;
  readonly errors?: { message: string; extensions?: { code?: string } }[];
}

async function gql<T>(url: string, bearer: string, query: string, variables: object): Promise<Answer<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}`, 'idempotency-key': randomUUID() },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as Answer<T>;
}

const roles: PlatformRole[] = [];
const databases: TestDatabase[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const role of roles.splice(0)) await role.end();
  await Promise.all(databases.splice(0).map((d) => d.drop()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('conflicting decisions on one request, sent at the same moment by two staff members', () => {
  it('exactly one wins each round, the other is refused with CONFLICT, and the stream stays valid', async () => {
    const rounds = evidenceScale(10, 50);
    const dir = mkdtempSync(join(tmpdir(), 'werkbezoek-conflicts-'));
    dirs.push(dir);
    const dataDir = join(dir, 'data');
    const database = await freshDatabase('postgres');
    databases.push(database);
    if (database.config.dialect !== 'postgres') throw new Error('expected PostgreSQL');
    const env = {
      DATA_DIR: dataDir,
      DATABASE_URL: database.config.url,
      AUTH_MODE: 'jwt',
      JWT_SECRET: auth.secret,
      JWT_ISSUER: auth.issuer,
      JWT_AUDIENCE: auth.audience,
    };
    const web = webDistStub(dir);
    const projector = new PlatformRole('projector', { ...env, ROLE: 'projector' }, await freePort());
    const apis = [
      new PlatformRole('api 1', { ...env, ROLE: 'api', WEB_DIST: web }, await freePort()),
      new PlatformRole('api 2', { ...env, ROLE: 'api', WEB_DIST: web }, await freePort()),
    ] as const;
    roles.push(projector, ...apis);
    await Promise.all([projector, ...apis].map((p) => p.start()));
    await projector.until('active', (r) => r.projector.here === 'active');
    for (const api of apis) await api.until('ready', (r) => r.status === 'ready');

    const staffA = await token('staff-an-peeters', 'STAFF');
    const staffB = await token('staff-bram-claes', 'STAFF');
    const management = await token('management-els', 'MANAGEMENT');
    const coordinator = await token('coordinator-zoersel', 'COORDINATOR', { nis_code: '11055' });
    const run = async <T>(bearer: string, name: keyof typeof mutations, variables: Record<string, unknown>) => {
      const answer = await gql<Record<string, T>>(apis[0].url, bearer, mutations[name], variables);
      if (answer.errors?.length || !answer.data) throw new Error(`${name}: ${JSON.stringify(answer.errors)}`);
      return answer.data[name]!;
    };
    const today = utcToday();
    await run(staffA, 'registerMunicipality', { input: { nisCode: '11055', name: 'Zoersel', province: 'ANTWERPEN' } });
    const twinning = await run<{ id: string }>(staffA, 'establishTwinning', {
      input: {
        nisCode: '11055',
        partnerName: 'Bohicon',
        countryCode: 'BJ',
        regionCode: 'BJ-ZO',
        since: '2015-01-01',
        policyDomains: ['CIVIL_REGISTRATION'],
      },
    });
    const staffMember = await run<{ id: string }>(staffA, 'registerStaffMember', {
      input: { name: 'Lies Janssens', daysPerYear: 366 },
    });
    for (const year of [Number(today.slice(0, 4)), Number(today.slice(0, 4)) + 1])
      await run(management, 'allocateBudget', { input: { year, amountEur: 1_000_000 } });

    const decide = (url: string, bearer: string, requestId: string, decision: 'ACCEPT' | 'DECLINE') =>
      gql<{ decideAccompaniment: { id: string; status: string } }>(
        url,
        bearer,
        'mutation($input: DecideAccompanimentInput!) { decideAccompaniment(input: $input) { id status } }',
        {
          input:
            decision === 'ACCEPT'
              ? { requestId, decision, staffMemberId: staffMember.id }
              : {
                  requestId,
                  decision,
                  declineReason: 'NOT_OPPORTUNE',
                  note: 'Dit bezoek past dit jaar niet in het programma.',
                },
        },
      );

    const outcomes: { requestId: string; winner: 'ACCEPT' | 'DECLINE'; loser: Answer; ms: number }[] = [];
    const started = Date.now();
    for (let round = 0; round < rounds; round++) {
      // Two-day visits, one every three days from a month ahead: the staff member's days last for all rounds.
      const start = addDays(today, 30 + 3 * round);
      const request = await run<{ id: string }>(coordinator, 'submitAccompanimentRequest', {
        input: {
          twinningId: twinning.id,
          missionType: 'EVALUATION',
          startDate: start,
          endDate: addDays(start, 1),
          reasons: ['CONTENT_PROBLEMS'],
          policyDomains: ['CIVIL_REGISTRATION'],
          delegationSize: 3,
        },
      });
      // Who accepts, through which process, and which is sent first change from round to round.
      const [accepting, declining] = round % 2 === 0 ? [staffA, staffB] : [staffB, staffA];
      const [acceptVia, declineVia] = round % 4 < 2 ? [apis[0], apis[1]] : [apis[1], apis[0]];
      const sentAt = Date.now();
      const sending = [
        () => decide(acceptVia.url, accepting, request.id, 'ACCEPT'),
        () => decide(declineVia.url, declining, request.id, 'DECLINE'),
      ];
      const acceptFirst = round % 3 !== 0;
      const answers = await Promise.all(acceptFirst ? [sending[0]!(), sending[1]!()] : [sending[1]!(), sending[0]!()]);
      const [accept, decline] = acceptFirst ? answers : [answers[1], answers[0]];
      const ms = Date.now() - sentAt;
      const won = [accept, decline].filter((r) => r.data?.decideAccompaniment && !r.errors?.length);
      expect(won, `round ${round + 1}: ${JSON.stringify({ accept, decline })}`).toHaveLength(1);
      const winner = won[0] === accept ? 'ACCEPT' : 'DECLINE';
      const loser = winner === 'ACCEPT' ? decline : accept;
      expect(loser.errors?.[0]?.extensions?.code, JSON.stringify(loser)).toBe('CONFLICT');
      expect(loser.data?.decideAccompaniment ?? null).toBeNull();
      expect(won[0]!.data!.decideAccompaniment.status).toBe(winner === 'ACCEPT' ? 'ACCEPTED' : 'DECLINED');
      outcomes.push({ requestId: request.id, winner, loser, ms });
    }
    const durationS = (Date.now() - started) / 1000;

    // Each stream holds one decision, the winner's, which the decider takes again from the events before it;
    // and a decided request refuses either decision.
    for (const role of [...apis, projector]) expect(await role.stop()).toBe(0);
    const store = await openEventStore(eventStoreConfigFromEnv({ DATABASE_URL: database.config.url }, dataDir));
    const replayErrors: string[] = [];
    const decisionsPerRequest: number[] = [];
    for (const { requestId, winner } of outcomes) {
      const events: RecordedEvent<RequestEvent>[] = [];
      for await (const e of store.readStream(requestStream(requestId))) events.push(e as RecordedEvent<RequestEvent>);
      const decisions = events.filter((e) => e.type === 'AccompanimentAccepted' || e.type === 'AccompanimentDeclined');
      decisionsPerRequest.push(decisions.length);
      expect(decisions.map((e) => e.type)).toEqual([
        winner === 'ACCEPT' ? 'AccompanimentAccepted' : 'AccompanimentDeclined',
      ]);
      const decision = decisions[0]!;
      const before = fold(requestDecider, events.slice(0, events.indexOf(decision)));
      const meta = (actor: Actor, issuedAt: string) => ({ commandId: randomUUID(), issuedAt, actor });
      const again = (data: Record<string, unknown>): RequestCommand =>
        (decision.type === 'AccompanimentAccepted'
          ? {
              type: 'AcceptAccompanimentRequest',
              data,
              metadata: meta(decision.metadata.actor, decision.metadata.occurredAt),
            }
          : {
              type: 'DeclineAccompanimentRequest',
              data: { requestId, reason: data.reason, note: data.note },
              metadata: meta(decision.metadata.actor, decision.metadata.occurredAt),
            }) as RequestCommand;
      try {
        const decided = requestDecider.decide(again({ ...decision.data }), before);
        expect(decided.map((e) => ({ type: e.type, data: e.data }))).toEqual([
          { type: decision.type, data: decision.data },
        ]);
      } catch (error) {
        replayErrors.push(`${requestId}: ${(error as Error).message}`);
      }
      const after = fold(requestDecider, events);
      expect(() => requestDecider.decide(again({ ...decision.data }), after)).toThrow(IllegalStateError);
    }
    expect(replayErrors).toEqual([]);

    // A losing acceptance had booked days and reserved budget before it met the decline: all given back.
    await store.close();
    const log = readEventLog(join(dataDir, 'events.db'));
    expect(halfAccepted(log)).toEqual([]);
    const released = log.filter((e) => e.type === 'StaffDaysReleased').length;

    const loserCodes: Record<string, number> = {};
    const loserMessages = new Set<string>();
    for (const { loser } of outcomes) {
      const error = loser.errors![0]!;
      loserCodes[error.extensions!.code!] = (loserCodes[error.extensions!.code!] ?? 0) + 1;
      // The message without the request's id, so that rounds with the same refusal count once.
      loserMessages.add(error.message.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, '<id>'));
    }
    recordEvidence('faults-conflicting-decisions', {
      command: 'EVIDENCE=full pnpm vitest run test/evidence/faults/conflictingDecisions.evidence.test.ts',
      topology:
        'two ROLE=api processes on one SQLite event log, a ROLE=projector, read models in PostgreSQL; two staff members signed in with JWTs of their own, each deciding through another process',
      rounds,
      durationS,
      roundsWithExactlyOneWinner: outcomes.length,
      acceptWon: outcomes.filter((o) => o.winner === 'ACCEPT').length,
      declineWon: outcomes.filter((o) => o.winner === 'DECLINE').length,
      loserCodes,
      loserMessages: [...loserMessages],
      decisionEventsPerRequest: summary(decisionsPerRequest),
      replayErrors: replayErrors.length,
      bookingsReleasedByLosingAcceptances: released,
      halfAcceptedRequests: halfAccepted(log).length,
      bothDecisionsAnsweredMs: summary(outcomes.map((o) => o.ms)),
    });
  }, 300_000);
});
