import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_RETENTION, type RetentionSettings } from '@werkbezoek/api';
import { openKeyStore } from '@werkbezoek/eventstore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokens } from './harness.js';
import { FIRST_DAY, World, expectRefused } from './scenario.js';

/*
 * Retention (issue 15): the daily job of the platform, in a dry run and for
 * real, on a history where two people are past their period on FIRST_DAY
 * (2026-01-05) and one is not. Karel Oud was contacted once, in March 2015
 * (contacted people: 5 years from the last contact); Jan Oud was Zoersel's
 * coordinator until Els Wouters took over in June 2016 (twinning actors: 5
 * years from leaving the office). Els, contacted last on FIRST_DAY and still
 * in office, stays, as does the staff member.
 */

const KAREL = { personId: randomUUID(), name: 'Karel Oud', summary: 'Karel vraagt naar de jumelage van 2015' };
const JAN = { personId: randomUUID(), name: 'Jan Oud', email: 'jan.oud@zoersel.example' };
const ELS = { personId: randomUUID(), name: 'Els Wouters', summary: 'Els bevestigt het bezoek van maart' };
const PAST = [KAREL.name, KAREL.summary, JAN.name, JAN.email];

const REPORT = `{ retentionReport { asOf periods { kind years basis } events
  due { subjectId displayName expiresOn eventCount pendingErasureId kinds { kind retentionFrom expiresOn } }
  byKind { kind subjects } } }`;
const SUBJECT = `query($subjectId: ID!) { dataSubjectReport(subjectId: $subjectId) { erasedOn events { type data } } }`;
const ERASURES = `{ dataSubjectErasures { subjectId subjectName subjectKind reason status requestedByRole decidedByRole readModelsPurgedAt } }`;

interface Due {
  subjectId: string;
  displayName: string | null;
  expiresOn: string;
  eventCount: number;
  kinds: { kind: string; retentionFrom: string | null; expiresOn: string | null }[];
}

describe('the retention job of the platform', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'werkbezoek-retention-'));
  const lines: string[] = [];
  let w: World;
  let twinningId = '';
  let staffMemberId = '';

  const start = (job: RetentionSettings['job'], programme = false) =>
    World.start(
      { platform: { dataDir, log: (line) => lines.push(line), retention: { ...DEFAULT_RETENTION, job } } },
      programme,
    );
  /** Every key of keys.db with when it was erased, read beside the running platform. */
  const keys = async () => {
    const store = await openKeyStore({ kind: 'sqlite', path: join(dataDir, 'keys.db') });
    const all: Record<string, string | null> = {};
    for await (const s of store.subjects()) all[s.subjectId] = s.erasedAt;
    await store.close();
    return all;
  };
  const events = async (subjectId: string) =>
    (
      await w.run<{ dataSubjectReport: { erasedOn: string | null; events: { type: string; data: string }[] } }>(
        tokens.staff,
        SUBJECT,
        { subjectId },
      )
    ).dataSubjectReport;

  beforeAll(async () => {
    w = await start('dry-run', true);
    twinningId = w.zoerselTwinningId;
    staffMemberId = w.staffMemberId;
    const contact = (person: { personId: string; name: string }, summary: string) =>
      w.mutate(tokens.staff, 'logContact', {
        input: { twinningId, contactedOn: w.today, channel: 'MEETING', person, staffMemberId, summary },
      });
    const coordinator = (person: object) =>
      w.mutate(tokens.staff, 'recordActorChange', {
        input: {
          twinningId,
          side: 'NORTH',
          actorKind: 'COORDINATOR',
          changedOn: w.today,
          description: 'Nieuwe coördinator',
          person,
        },
      });
    w.setToday('2015-03-02');
    await contact({ personId: KAREL.personId, name: KAREL.name }, KAREL.summary);
    await coordinator({ personId: JAN.personId, name: JAN.name, email: JAN.email });
    w.setToday('2016-06-01');
    await coordinator({ personId: ELS.personId, name: ELS.name });
    w.setToday(FIRST_DAY);
    await contact({ personId: ELS.personId, name: ELS.name }, ELS.summary);
  }, 120_000);
  afterAll(async () => {
    await w.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('in a dry run reports who is past retention and changes nothing: no event, no key', async () => {
    const head = await w.head();
    const before = await keys();
    expect(Object.values(before).every((erasedAt) => erasedAt === null)).toBe(true);

    const report = (await w.run<{ retentionReport: { due: Due[]; asOf: string } }>(tokens.management, REPORT))
      .retentionReport;
    expect(report.asOf).toBe(FIRST_DAY);
    expect(report.due.map((d) => [d.subjectId, d.expiresOn, d.eventCount])).toEqual([
      [KAREL.personId, '2020-03-02', 1],
      [JAN.personId, '2021-06-01', 1],
    ]);
    // Management recognises them by name, which the log holds encrypted.
    expect(report.due.map((d) => d.displayName)).toEqual([KAREL.name, JAN.name]);
    expect(report.due[1]!.kinds).toEqual([
      { kind: 'TWINNING_ACTOR', retentionFrom: '2016-06-01', expiresOn: '2021-06-01' },
    ]);
    expectRefused(await w.send(tokens.staff, REPORT), 'FORBIDDEN', /MANAGEMENT/);

    const run = await w.live.platform.retentionJob!.runNow();
    expect(run).toEqual({ asOf: FIRST_DAY, due: 2, erased: 0, skipped: 0 });
    expect(lines.at(-1)).toBe(
      `Retention on ${FIRST_DAY}: 2 data subjects past retention (1 TWINNING_ACTOR, 1 CONTACTED_PERSON), named in 2 events; dry run, nothing erased (RETENTION_JOB=dry-run)`,
    );
    expect(await w.head()).toBe(head);
    expect(await keys()).toEqual(before);
    expect(JSON.stringify((await events(KAREL.personId)).events)).toContain(KAREL.name);
  });

  it('for real erases exactly those past retention, as the platform, and their values read [gewist]', async () => {
    await w.close();
    w = await start('apply');
    const run = await w.live.platform.retentionJob!.runNow();
    expect(run).toEqual({ asOf: FIRST_DAY, due: 2, erased: 2, skipped: 0 });

    // The projector rebuilds the read models after the batch that holds the erasures.
    let erasures: {
      subjectId: string;
      subjectName: string | null;
      reason: string;
      requestedByRole: string;
      readModelsPurgedAt: string | null;
    }[] = [];
    for (let i = 0; i < 200; i++) {
      erasures = (await w.run<{ dataSubjectErasures: typeof erasures }>(tokens.management, ERASURES))
        .dataSubjectErasures;
      if (erasures.length === 2 && erasures.every((e) => e.readModelsPurgedAt !== null)) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(erasures.map((e) => [e.subjectId, e.reason, e.requestedByRole]).sort()).toEqual(
      [
        [KAREL.personId, 'RETENTION_EXPIRED', 'SYSTEM'],
        [JAN.personId, 'RETENTION_EXPIRED', 'SYSTEM'],
      ].sort(),
    );
    expect(erasures.every((e) => e.readModelsPurgedAt !== null)).toBe(true);
    // Their names are gone with their keys.
    expect(erasures.map((e) => e.subjectName)).toEqual([null, null]);

    const karel = await events(KAREL.personId);
    expect(karel.erasedOn).toBe(FIRST_DAY);
    expect(JSON.parse(karel.events[0]!.data)).toMatchObject({ person: { name: '[gewist]' }, summary: '[gewist]' });
    expect(JSON.parse((await events(JAN.personId)).events[0]!.data)).toMatchObject({
      person: { personId: JAN.personId, name: '[gewist]', email: '[gewist]' },
    });
    const els = JSON.stringify((await events(ELS.personId)).events);
    expect(els).toContain(ELS.name);
    expect(els).toContain(ELS.summary);

    const after = await keys();
    expect(after[KAREL.personId]).not.toBeNull();
    expect(after[JAN.personId]).not.toBeNull();
    expect(after[ELS.personId]).toBeNull();
    expect(after[staffMemberId]).toBeNull();
    // Nothing more is due, and the job's log names no one.
    expect((await w.run<{ retentionReport: { due: Due[] } }>(tokens.management, REPORT)).retentionReport.due).toEqual(
      [],
    );
    expect(await w.live.platform.retentionJob!.runNow()).toMatchObject({ due: 0, erased: 0 });
    const log = lines.join('\n');
    expect(log).toContain('erased 2 (SYSTEM, RETENTION_EXPIRED)');
    for (const value of [...PAST, KAREL.personId, JAN.personId]) expect(log).not.toContain(value);
  });
});
