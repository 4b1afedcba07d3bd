import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokens } from './harness.js';
import { FIRST_DAY, World, expectRefused } from './scenario.js';

/*
 * The subject access report (issue 15, access and export): everything the
 * platform holds about one person, as staff and management read it through
 * the API. Els Wouters is Zoersel's coordinator (a twinning actor) and was
 * contacted once; An Peeters is the staff member with a mission, a planned
 * activity and a report. Other people (a colleague, another contacted
 * person, the southern mayor) stand in the same streams and must not show.
 */

const REPORT = `query($subjectId: ID!) { dataSubjectReport(subjectId: $subjectId) {
  subjectId displayName generatedAt firstSeenAt lastSeenAt erasedOn
  kinds { kind basis firstSeenAt lastSeenAt retentionFrom }
  events { position streamId revision type occurredAt actorRole kinds fields data }
  readModelRows { readModel table key columns { name value } }
  json fileName } }`;

interface Report {
  subjectId: string;
  displayName: string | null;
  kinds: { kind: string; basis: string; retentionFrom: string | null }[];
  events: { type: string; streamId: string; actorRole: string; kinds: string[]; fields: string[]; data: string }[];
  readModelRows: { readModel: string; table: string; key: string; columns: { name: string; value: string }[] }[];
  json: string;
  fileName: string;
}

const ELS = {
  personId: randomUUID(),
  name: 'Els Wouters',
  email: 'els.wouters@zoersel.example',
  function: 'stedenbandcoördinator',
  summary: 'Els vraagt begeleiding voor het evaluatiebezoek in maart',
  description: 'Els Wouters volgt de vorige coördinator op',
};
const OTHERS = ['Pieter De Smet', 'Over de jumelage met Pieter', 'Mama Adjovi', 'Bart Claes', 'Bart bereidt'];

describe('a data subject access report through the API', () => {
  let w: World;
  let bart = '';
  let missionId = '';

  const report = async (subjectId: string, token: string = tokens.staff) =>
    (await w.run<{ dataSubjectReport: Report }>(token, REPORT, { subjectId })).dataSubjectReport;

  beforeAll(async () => {
    w = await World.start();
    bart = await w.registerStaffMember('Bart Claes', 40);
    const actorChange = (side: string, actorKind: string, person: object, description: string) =>
      w.mutate(tokens.staff, 'recordActorChange', {
        input: { twinningId: w.zoerselTwinningId, side, actorKind, changedOn: FIRST_DAY, description, person },
      });
    await actorChange(
      'NORTH',
      'COORDINATOR',
      { personId: ELS.personId, name: ELS.name, email: ELS.email },
      ELS.description,
    );
    await actorChange('SOUTH', 'MAYOR', { name: 'Mama Adjovi' }, 'Nieuwe burgemeester na de verkiezingen');
    const contact = (person: object, summary: string, staffMemberId: string) =>
      w.mutate(tokens.staff, 'logContact', {
        input: {
          twinningId: w.zoerselTwinningId,
          contactedOn: FIRST_DAY,
          channel: 'PHONE',
          person,
          staffMemberId,
          summary,
        },
      });
    await contact({ personId: ELS.personId, name: ELS.name, function: ELS.function }, ELS.summary, w.staffMemberId);
    await contact({ name: 'Pieter De Smet' }, 'Over de jumelage met Pieter', bart);

    ({ missionId } = await w.mission({ ended: true }));
    await w.mutate(tokens.staff, 'planMissionActivity', {
      input: {
        missionId,
        activity: 'TERMS_OF_REFERENCE',
        plannedOn: '2026-02-02',
        staffMemberId: w.staffMemberId,
        note: 'An schrijft de referentietermen',
      },
    });
    await w.mutate(tokens.staff, 'fileMissionReport', {
      input: {
        missionId,
        authorStaffMemberId: w.staffMemberId,
        filedOn: w.today,
        summary: 'Verslag van An: goed bezoek',
      },
    });
  }, 120_000);
  afterAll(() => w.close());

  it('gives staff every event that names the person, decrypted, and hides everyone else', async () => {
    const r = await report(ELS.personId);
    expect(r.displayName).toBe(ELS.name);
    expect(r.kinds.map((k) => [k.kind, k.basis])).toEqual([
      ['CONTACTED_PERSON', 'LAST_NAMED'],
      ['TWINNING_ACTOR', 'OUT_OF_OFFICE'],
    ]);
    // Still the northern coordinator: her retention does not run.
    expect(r.kinds.find((k) => k.kind === 'TWINNING_ACTOR')!.retentionFrom).toBeNull();
    expect(r.events.map((e) => [e.type, e.streamId, e.actorRole, e.kinds])).toEqual([
      ['TwinningActorChanged', `twinning-${w.zoerselTwinningId}`, 'STAFF', ['TWINNING_ACTOR']],
      ['ContactLogged', `twinning-${w.zoerselTwinningId}`, 'STAFF', ['CONTACTED_PERSON']],
    ]);
    const [actor, contact] = r.events.map((e) => JSON.parse(e.data) as Record<string, unknown>);
    expect(actor).toMatchObject({
      person: { personId: ELS.personId, name: ELS.name, email: ELS.email },
      description: ELS.description,
    });
    expect(r.events[0]!.fields).toEqual(['person.name', 'person.email', 'description']);
    // The staff member who logged the call is another person: her id is withheld.
    expect(contact).toMatchObject({
      person: { personId: ELS.personId, name: ELS.name, function: ELS.function },
      summary: ELS.summary,
      staffMemberId: '[andere persoon]',
    });
    for (const text of [r.json, JSON.stringify(r.events)]) {
      for (const other of [...OTHERS, 'An Peeters', w.staffMemberId, bart, 'demo-staff'])
        expect(text, other).not.toContain(other);
      expect(text).toContain(ELS.summary);
    }
    // The JSON to hand over holds the same, with a file name that says what and whose.
    const json = JSON.parse(r.json) as { subjectId: string; events: { data: unknown }[] };
    expect(json.subjectId).toBe(ELS.personId);
    expect(json.events).toHaveLength(2);
    expect(r.fileName).toMatch(new RegExp(`^inzageverzoek-${ELS.personId}-\\d{4}-\\d{2}-\\d{2}\\.json$`));
  });

  it("finds the read-model rows that hold a staff member's id or values, and keeps only her part of them", async () => {
    const r = await report(w.staffMemberId, tokens.management);
    expect(r.displayName).toBe('An Peeters');
    expect(r.kinds.map((k) => k.kind)).toEqual(['STAFF_MEMBER']);
    expect(r.events.map((e) => e.type)).toEqual([
      'StaffMemberRegistered',
      'MissionActivityPlanned',
      'MissionReportFiled',
    ]);
    expect(r.events.map((e) => e.fields)).toEqual([['name'], ['note'], ['summary']]);
    const readModels = new Set(r.readModelRows.map((row) => row.readModel));
    for (const readModel of ['requests', 'missions', 'capacity', 'history']) expect(readModels).toContain(readModel);
    const mission = r.readModelRows.find((row) => row.readModel === 'missions' && row.key.includes(missionId));
    expect(mission, JSON.stringify(r.readModelRows)).toBeDefined();
    expect(mission!.columns.map((c) => c.value).join(' ')).toMatch(/An Peeters|Verslag van An/);
    for (const row of r.readModelRows) {
      expect(row.columns.length, row.table).toBeGreaterThan(0);
      const text = row.columns.map((c) => c.value).join(' ');
      expect(text.includes(w.staffMemberId) || /An Peeters|An schrijft|Verslag van An/.test(text), row.table).toBe(
        true,
      );
    }
    expect(r.json).not.toContain('Bart Claes');
  });

  it('is for management and staff: coordinators, analysts and planners are refused', async () => {
    for (const token of [tokens.zoersel, tokens.analyst, tokens.planner])
      expectRefused(await w.send(token, REPORT, { subjectId: ELS.personId }), 'FORBIDDEN', /MANAGEMENT, STAFF/);
    expectRefused(await w.send(undefined, REPORT, { subjectId: ELS.personId }), 'UNAUTHENTICATED');
  });

  it('says plainly when the log names no such person, or the id is no id', async () => {
    expectRefused(
      await w.send(tokens.staff, REPORT, { subjectId: randomUUID() }),
      'NOT_FOUND',
      /No personal data is held/,
    );
    expectRefused(
      await w.send(tokens.staff, REPORT, { subjectId: 'Els Wouters' }),
      'BAD_USER_INPUT',
      /not a data subject's id/,
      ['subjectId'],
    );
  });
});
